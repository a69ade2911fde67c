using CrowdFit.Service.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrowdFit.Service.Review;

/// <summary>The <c>page</c> and <c>pageSize</c> query parameters of list endpoints.</summary>
internal static class Paging
{
    public const int DefaultSize = 50;
    public const int MaxSize = 500;

    /// <summary>The page's offset and size, or the problem with the parameters.</summary>
    public static (int Page, int Size, ValidationProblem? Problem) Check(int? page, int? pageSize)
    {
        var p = page ?? 1;
        var size = pageSize ?? DefaultSize;
        var errors = new Dictionary<string, string[]>();
        if (p < 1)
        {
            errors["page"] = [$"The page must be at least 1 (was {p})."];
        }

        if (size is < 1 or > MaxSize)
        {
            errors["pageSize"] = [$"pageSize must be in [1, {MaxSize}] (was {size})."];
        }

        return (p, size, errors.Count > 0 ? Problems.Invalid(errors) : null);
    }
}
