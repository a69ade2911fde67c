namespace CrowdFit.Operations;

/// <summary>Flag rates by cohort against what task difficulty explains (SPEC G2).</summary>
/// <remarks>See <see cref="CohortAudit"/> for the adjustment and the test.</remarks>
public sealed record CohortReport
{
    /// <summary>Why the audit stepped aside (the column is absent); <see langword="null"/> when it ran.</summary>
    public string? SkippedBecause { get; init; }

    /// <summary>Whether the audit ran (it did not step aside).</summary>
    public bool Ran => SkippedBecause is null;

    /// <summary>The column the cohorts come from, as spelled in <see cref="CohortOptions.Column"/> constants.</summary>
    public string Column { get; init; } = "";

    /// <summary>
    /// One row per cohort: for a categorical column in the column's value order, for tenure old, mid, new; then
    /// <see cref="CohortAudit.UnknownName"/> when some worker has no value. Cohorts without workers are left out.
    /// </summary>
    public IReadOnlyList<CohortRow> Cohorts { get; init; } = [];

    /// <summary>The finding sentences of the cohorts that are findings, in cohort order.</summary>
    public IReadOnlyList<string> Findings { get; init; } = [];

    /// <summary>Workers with at least one answer.</summary>
    public int Workers { get; init; }

    /// <summary>Flagged workers among them.</summary>
    public int Flagged { get; init; }

    /// <summary>
    /// Flag rate of each difficulty stratum, easiest first; one more entry at the end for workers whose tasks have
    /// no finite difficulty. NaN for an empty stratum.
    /// </summary>
    public IReadOnlyList<double> StratumFlagRates { get; init; } = [];

    /// <summary>Cohorts that were tested, the Bonferroni factor.</summary>
    public int TestedCohorts { get; init; }
}
