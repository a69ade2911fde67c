namespace CrowdFit.Service.Answers;

/// <summary>The body of <c>POST /api/projects/{id}/answers</c>.</summary>
/// <param name="Task">The task answered.</param>
/// <param name="Worker">Who answered; a worker key may only answer as its own worker.</param>
/// <param name="Label">The label given: one of the project's labels.</param>
public sealed record AnswerRequest(string? Task, string? Worker, string? Label);
