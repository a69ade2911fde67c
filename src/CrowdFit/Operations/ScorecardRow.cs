namespace CrowdFit.Operations;

/// <summary>
/// The operations metrics of one group of answers (one value of a <see cref="ScorecardColumn"/>) in an
/// <see cref="OperationsMetricsReport"/>.
/// </summary>
/// <remarks>
/// Answer metrics (agreement, gold pass, flags) count the group's answers. Task metrics (correction, rework) count
/// the group's tasks: the tasks whose first answer, in source-row order, belongs to the group. See
/// <see cref="OperationsMetrics"/> for the definitions.
/// </remarks>
public sealed record ScorecardRow
{
    /// <summary>The group's value in the column, or <see cref="OperationsMetrics.UnknownName"/> for answers without one.</summary>
    public string Name { get; init; } = "";

    /// <summary>Answers in the group.</summary>
    public int Answers { get; init; }

    /// <summary>Distinct workers with at least one answer in the group.</summary>
    public int Workers { get; init; }

    /// <summary>Tasks whose first answer (in source-row order) is in the group; the denominator of the task metrics.</summary>
    public int Tasks { get; init; }

    /// <summary>Share of the group's answers equal to their task's inferred label, in [0, 1]; NaN without answers.</summary>
    public double AgreementRate { get; init; }

    /// <summary>The group's answers on tasks with gold; the denominator of <see cref="GoldPassRate"/>.</summary>
    public int GoldAnswers { get; init; }

    /// <summary>
    /// Share of the group's answers on gold tasks equal to the gold label, in [0, 1]; NaN when there is no gold or
    /// the group has no answer on a gold task.
    /// </summary>
    public double GoldPassRate { get; init; }

    /// <summary>
    /// Share of the group's <see cref="Tasks"/> whose inferred label differs from the label of their first answer,
    /// in [0, 1]; NaN when the group has no tasks.
    /// </summary>
    public double CorrectionRate { get; init; }

    /// <summary>
    /// Answers beyond the first on the group's <see cref="Tasks"/> (from any group), per 100 of those tasks; 0 when
    /// every task was answered once, NaN when the group has no tasks.
    /// </summary>
    public double ReworkPer100 { get; init; }

    /// <summary>Flagged answers in the group.</summary>
    public int Flagged { get; init; }

    /// <summary>Share of the group's answers that were flagged, in [0, 1]; NaN without answers.</summary>
    public double FlagRate { get; init; }
}
