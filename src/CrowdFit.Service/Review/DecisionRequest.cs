namespace CrowdFit.Service.Review;

/// <summary>The body of <c>POST .../review/{case}/confirm</c> and <c>.../clear</c>.</summary>
/// <param name="Note">Why: required, at most 2000 characters; it becomes the decision log entry's reason.</param>
public sealed record DecisionRequest(string? Note);
