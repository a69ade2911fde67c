namespace CrowdFit.Service.Appeals;

/// <summary>One of the worker's rejected answers, with why, and what became of it.</summary>
/// <param name="Answer">The answer's id.</param>
/// <param name="Project">Project id.</param>
/// <param name="Task">The task answered.</param>
/// <param name="Label">The label given.</param>
/// <param name="ReceivedAt">When it arrived (ISO 8601, UTC).</param>
/// <param name="Reasons">Why it was not counted, most important first.</param>
/// <param name="ModelVersion">The model version that decided.</param>
/// <param name="Review">The review of the answer: open, confirmed or cleared; null when none was opened yet.</param>
/// <param name="Appeal">The appeal's id, or null when not appealed.</param>
/// <param name="AppealStatus">open, upheld or overturned; null when not appealed.</param>
public sealed record RejectionDto(
    long Answer, string Project, string Task, string Label, string ReceivedAt, IReadOnlyList<string> Reasons, int ModelVersion,
    string? Review, long? Appeal, string? AppealStatus);
