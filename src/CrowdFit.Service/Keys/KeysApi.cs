using System.Globalization;
using CrowdFit.Service.Errors;
using CrowdFit.Service.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrowdFit.Service.Keys;

/// <summary><c>/api/keys</c>: issuing API keys (admin only).</summary>
internal static class KeysApi
{
    public static RouteGroupBuilder MapKeys(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/keys").WithTags("Keys").RequireAuthorization(Roles.AdminPolicy);
        group.MapPost("/", Issue).WithName("IssueKey");
        return group;
    }

    private static async Task<Results<Created<KeyDto>, ValidationProblem>> Issue(KeyRequest request, CrowdFitDb db, KeyRing keys, TimeProvider clock)
    {
        if (request.Role is null || !Roles.All.Contains(request.Role))
        {
            return Problems.Invalid("role", $"The role must be one of {string.Join(", ", Roles.All)}.");
        }

        var isWorker = request.Role == Roles.Worker;
        if (isWorker == string.IsNullOrWhiteSpace(request.Worker))
        {
            return Problems.Invalid("worker", isWorker ? "A worker key needs the worker id it speaks for." : "Only a worker key names a worker.");
        }

        var key = KeyRing.NewKey();
        var row = new ApiKeyRow
        {
            Hash = KeyRing.HashOf(key), Role = request.Role, WorkerId = request.Worker, Name = request.Name,
            CreatedAt = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        };
        db.ApiKeys.Add(row);
        await db.SaveChangesAsync();
        keys.Add(row);
        return TypedResults.Created((string?)null, new KeyDto(key, row.Role, row.WorkerId));
    }
}
