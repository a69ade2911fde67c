namespace CrowdFit.Operations;

/// <summary>
/// The operations metrics of one group of answers (one value of a <see cref="ScorecardColumn"/>) in an
/// <see cref="OperationsMetricsReport"/>.
/// </summary>
/// <remarks>See <see cref="OperationsRates"/> for how a group's answers and tasks are counted.</remarks>
public sealed record ScorecardRow : OperationsRates
{
    internal ScorecardRow(string name, in OperationsMetrics.Tally tally)
        : base(tally)
    {
        Name = name;
    }

    /// <summary>The group's value in the column, or <see cref="OperationsMetrics.UnknownName"/> for answers without one.</summary>
    public string Name { get; init; }
}
