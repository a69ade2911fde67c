namespace CrowdFit.Service.Review;

/// <summary>The project's flags: flagged workers and the review queue's counts.</summary>
/// <param name="ModelVersion">The re-estimation the flags come from.</param>
/// <param name="OpenCases">Review cases waiting for an analyst.</param>
/// <param name="Confirmed">Cases confirmed as fraud.</param>
/// <param name="Cleared">Cases cleared.</param>
/// <param name="Workers">Workers flagged now, highest fraud probability first.</param>
public sealed record FlagsDto(int ModelVersion, long OpenCases, long Confirmed, long Cleared, IReadOnlyList<FlagDto> Workers);
