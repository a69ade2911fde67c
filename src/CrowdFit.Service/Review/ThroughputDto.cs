namespace CrowdFit.Service.Review;

/// <summary>Answers received over the last hour, by minute.</summary>
/// <param name="From">Start of the first minute (ISO 8601, UTC).</param>
/// <param name="LastHour">Answers received in the last 60 minutes.</param>
/// <param name="PerMinute">Their mean per minute.</param>
/// <param name="Minutes">Answers in each of the 60 minutes, oldest first; the last is the current, partial minute.</param>
public sealed record ThroughputDto(string From, long LastHour, double PerMinute, IReadOnlyList<long> Minutes);
