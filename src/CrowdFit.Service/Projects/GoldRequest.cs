namespace CrowdFit.Service.Projects;

/// <summary>One control task in the body of <c>POST /api/projects/{id}/gold</c>.</summary>
/// <param name="Task">Task id, unique in the project.</param>
/// <param name="Label">Its known label.</param>
/// <param name="Type">Task type, as for ordinary tasks.</param>
public sealed record GoldRequest(string? Task, string? Label, string? Type);
