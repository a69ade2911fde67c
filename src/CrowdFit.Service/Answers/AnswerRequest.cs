namespace CrowdFit.Service.Answers;

/// <summary>The body of <c>POST /api/projects/{id}/answers</c>.</summary>
/// <param name="Task">The task answered.</param>
/// <param name="Worker">Who answered; a worker key may only answer as its own worker.</param>
/// <param name="Label">The label given: one of the project's labels.</param>
/// <param name="StartedAt">
/// When the worker started on the task: ISO 8601 with an offset (<c>2025-05-01T12:00:00Z</c>), not after the time the
/// answer is received. Null: when <c>GET .../assignments/next</c> handed the task to the worker, if that is known, else unknown.
/// </param>
public sealed record AnswerRequest(string? Task, string? Worker, string? Label, string? StartedAt = null);
