namespace CrowdFit.Service.Appeals;

/// <summary>The body of <c>POST /api/appeals/{id}/answer</c>.</summary>
/// <param name="Outcome">upheld (the rejection stands) or overturned (the rejection was wrong).</param>
/// <param name="Explanation">Why, for the worker: required, at most 2000 characters.</param>
public sealed record AppealAnswerRequest(string? Outcome, string? Explanation);
