namespace CrowdFit.Operations;

/// <summary>
/// Operations metrics of a log (SPEC G5): agreement, gold pass, correction, rework and flag rates for the whole log,
/// and the same per group of a context column (a vendor or country scorecard).
/// </summary>
/// <remarks>See <see cref="OperationsMetrics"/> for the definitions and their NaN rules.</remarks>
public sealed record OperationsMetricsReport
{
    /// <summary>Answers in the log.</summary>
    public int Answers { get; init; }

    /// <summary>Distinct workers with at least one answer.</summary>
    public int Workers { get; init; }

    /// <summary>Tasks with at least one answer; the denominator of the task metrics.</summary>
    public int Tasks { get; init; }

    /// <summary>Share of answers equal to their task's inferred label, in [0, 1]; NaN without answers.</summary>
    public double AgreementRate { get; init; }

    /// <summary>Answers on tasks with gold; the denominator of <see cref="GoldPassRate"/>.</summary>
    public int GoldAnswers { get; init; }

    /// <summary>
    /// Share of answers on gold tasks equal to the gold label, in [0, 1]; NaN when there is no gold or no answer on
    /// a gold task.
    /// </summary>
    public double GoldPassRate { get; init; }

    /// <summary>
    /// Share of tasks whose inferred label differs from the label of their first answer (source-row order): how
    /// often later answers overturned the first. In [0, 1]; NaN without tasks.
    /// </summary>
    public double CorrectionRate { get; init; }

    /// <summary>Answers beyond the first per task, per 100 tasks; 0 when every task was answered once, NaN without tasks.</summary>
    public double ReworkPer100 { get; init; }

    /// <summary>Flagged answers.</summary>
    public int Flagged { get; init; }

    /// <summary>Share of answers that were flagged, in [0, 1]; NaN without answers.</summary>
    public double FlagRate { get; init; }

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
    public IReadOnlyList<ScorecardRow> Scorecard { get; init; } = [];
}
