namespace CrowdFit.Operations;

/// <summary>
/// The operations metrics (SPEC G5) of a set of answers: the whole log in an <see cref="OperationsMetricsReport"/>,
/// one group in a <see cref="ScorecardRow"/>.
/// </summary>
/// <remarks>
/// See <see cref="OperationsMetrics"/> for the definitions and their NaN rules. For a group, answer metrics
/// (agreement, gold pass, flags) count the group's answers and task metrics (correction, rework) the group's
/// tasks: those whose first answer, in source-row order, belongs to the group.
/// </remarks>
public abstract record OperationsRates
{
    private protected OperationsRates(in OperationsMetrics.Tally tally)
    {
        Answers = tally.Answers;
        Workers = tally.Workers;
        Tasks = tally.Tasks;
        AgreementRate = tally.AgreementRate;
        GoldAnswers = tally.GoldAnswers;
        GoldPassRate = tally.GoldPassRate;
        CorrectionRate = tally.CorrectionRate;
        ReworkPer100 = tally.ReworkPer100;
        Flagged = tally.Flagged;
        FlagRate = tally.FlagRate;
    }

    /// <summary>Answers counted.</summary>
    public int Answers { get; init; }

    /// <summary>Distinct workers with at least one of those answers.</summary>
    public int Workers { get; init; }

    /// <summary>Tasks counted (with at least one answer); the denominator of the task metrics.</summary>
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

    /// <summary>
    /// Answers beyond the first on the tasks counted (from any group), per 100 of those tasks; 0 when every task was
    /// answered once, NaN without tasks.
    /// </summary>
    public double ReworkPer100 { get; init; }

    /// <summary>Flagged answers.</summary>
    public int Flagged { get; init; }

    /// <summary>Share of answers that were flagged, in [0, 1]; NaN without answers.</summary>
    public double FlagRate { get; init; }
}
