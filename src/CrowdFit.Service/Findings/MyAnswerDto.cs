namespace CrowdFit.Service.Findings;

/// <summary>One of the calling worker's answers and the decision it received.</summary>
/// <param name="Answer">The answer's id.</param>
/// <param name="Project">Project id.</param>
/// <param name="Task">The task answered.</param>
/// <param name="Label">The label given.</param>
/// <param name="Decision">The decision on the task when the answer arrived: accept, extend, review or reject (the answer was not counted).</param>
/// <param name="ReceivedAt">When it arrived (ISO 8601, UTC).</param>
public sealed record MyAnswerDto(long Answer, string Project, string Task, string Label, string Decision, string ReceivedAt);
