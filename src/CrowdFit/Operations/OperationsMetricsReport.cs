namespace CrowdFit.Operations;

/// <summary>
/// Operations metrics of a log (SPEC G5): agreement, gold pass, correction, rework and flag rates for the whole log,
/// and the same per group of a context column (a vendor or country scorecard).
/// </summary>
/// <remarks>See <see cref="OperationsMetrics"/> for the definitions and their NaN rules.</remarks>
public sealed record OperationsMetricsReport : OperationsRates
{
    internal OperationsMetricsReport(in OperationsMetrics.Tally all, ScorecardColumn column, string? skippedBecause, IReadOnlyList<ScorecardRow> scorecard)
        : base(all)
    {
        Column = column;
        ScorecardSkippedBecause = skippedBecause;
        Scorecard = scorecard;
    }

    /// <summary>The column the scorecard groups by.</summary>
    public ScorecardColumn Column { get; init; }

    /// <summary>
    /// Why there is no scorecard (no context, or the context lacks the column); <see langword="null"/> when there is
    /// one. The whole-log metrics are computed either way.
    /// </summary>
    public string? ScorecardSkippedBecause { get; init; }

    /// <summary>Whether the scorecard was computed.</summary>
    public bool HasScorecard => ScorecardSkippedBecause is null;

    /// <summary>
    /// One row per group with at least one answer, most answers first; ties in the column's value order, with
    /// <see cref="OperationsMetrics.UnknownName"/> (answers without a value) last. Empty without a scorecard.
    /// </summary>
    public IReadOnlyList<ScorecardRow> Scorecard { get; init; }
}
