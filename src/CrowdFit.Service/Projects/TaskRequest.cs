namespace CrowdFit.Service.Projects;

/// <summary>One task in the body of <c>POST /api/projects/{id}/tasks</c>.</summary>
/// <param name="Id">Task id, unique in the project (1–200 characters).</param>
/// <param name="Type">Task type; must be one of the project's types when it lists any.</param>
public sealed record TaskRequest(string? Id, string? Type);
