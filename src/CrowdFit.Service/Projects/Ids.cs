namespace CrowdFit.Service.Projects;

/// <summary>Checks task and worker ids.</summary>
internal static class Ids
{
    /// <summary>Why the id is not acceptable, or null.</summary>
    public static string? Problem(string? id) =>
        string.IsNullOrWhiteSpace(id) ? "The id must not be empty."
        : id.Length > ProjectsApi.MaxIdLength ? $"The id has {id.Length} characters; at most {ProjectsApi.MaxIdLength} are allowed."
        : id.Any(char.IsControl) ? "The id must not contain control characters."
        : null;
}
