namespace CrowdFit.Service.Review;

/// <summary>A flagged worker.</summary>
/// <param name="Worker">Worker id.</param>
/// <param name="FraudProbability">The detectors' fraud probability.</param>
/// <param name="Reason">Why the engine flagged them.</param>
/// <param name="Case">Their latest worker review case, or null.</param>
/// <param name="CaseStatus">Its status: open, confirmed or cleared; null without a case.</param>
public sealed record FlagDto(string Worker, double FraudProbability, string Reason, long? Case, string? CaseStatus);
