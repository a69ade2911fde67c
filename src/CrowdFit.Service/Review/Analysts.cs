using CrowdFit.Service.Keys;

namespace CrowdFit.Service.Review;

/// <summary>Who made a decision, as the decision log names them.</summary>
internal static class Analysts
{
    /// <summary>The name of the request's API key, or "key " and the start of its hash when it has no name.</summary>
    public static string NameOf(HttpContext context, KeyRing keys)
    {
        var key = context.Request.Headers[ApiKeyHandler.Header].ToString();
        return keys.TryFind(key, out var row)
            ? string.IsNullOrWhiteSpace(row.Name) ? $"key {row.Hash[..16]}" : row.Name
            : "unknown";
    }
}
