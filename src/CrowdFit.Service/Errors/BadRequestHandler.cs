using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace CrowdFit.Service.Errors;

/// <summary>Turns request-binding failures (bad JSON, wrong types, missing or oversized bodies) into 400 problem details naming the field.</summary>
internal sealed class BadRequestHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var json = exception as JsonException ?? exception.InnerException as JsonException;
        if (exception is not BadHttpRequestException && json is null)
        {
            return false;
        }

        var (field, message) = json is not null
            ? (Field(json.Path), Describe(json))
            : exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                ? ("body", "The body is larger than the service accepts.")
                : ("body", exception.Message);
        await Problems.Invalid(field, message).ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>The reader's message without the service's type names.</summary>
    private static string Describe(JsonException json) => json.Message.Contains("could not be converted", StringComparison.Ordinal)
        ? $"The value has the wrong JSON type (line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1})."
        : $"The JSON is invalid: {json.Message}";

    /// <summary>"$.label" → "label", "$[2].id" → "[2].id", none → "body".</summary>
    private static string Field(string? path) => string.IsNullOrEmpty(path) || path == "$"
        ? "body"
        : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
}
