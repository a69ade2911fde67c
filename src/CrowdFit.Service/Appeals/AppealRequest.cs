namespace CrowdFit.Service.Appeals;

/// <summary>The body of <c>POST /api/me/appeals</c>.</summary>
/// <param name="Answer">The id of one of the worker's rejected answers (from <c>GET /api/me/rejections</c>).</param>
/// <param name="Message">Why the rejection is wrong: required, at most 2000 characters.</param>
public sealed record AppealRequest(long? Answer, string? Message);
