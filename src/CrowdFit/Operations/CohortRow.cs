namespace CrowdFit.Operations;

/// <summary>One cohort of a <see cref="CohortReport"/>: its workers, how many were flagged, and how many its tasks explain.</summary>
public sealed record CohortRow
{
    /// <summary>The cohort's value: a country code, project or task type, a tenure band, or <see cref="CohortAudit.UnknownName"/>.</summary>
    public string Name { get; init; } = "";

    /// <summary>Workers in the cohort (workers with at least one answer).</summary>
    public int Workers { get; init; }

    /// <summary>Flagged workers in the cohort.</summary>
    public int Flagged { get; init; }

    /// <summary>Flagged workers over workers, in [0, 1]; 0 for an empty cohort.</summary>
    public double FlagRate { get; init; }

    /// <summary>
    /// Flagged workers expected with no cohort effect: the sum over the cohort's workers of the flag rate of their
    /// difficulty stratum among the other cohorts' workers.
    /// </summary>
    public double Expected { get; init; }

    /// <summary>
    /// <see cref="Flagged"/> over <see cref="Expected"/>; 1 when both are 0, <see cref="double.PositiveInfinity"/> when
    /// only the expectation is 0.
    /// </summary>
    public double Ratio { get; init; }

    /// <summary>Whether the cohort had enough workers (<see cref="CohortOptions.MinWorkers"/>) to be tested.</summary>
    public bool Tested { get; init; }

    /// <summary>
    /// One-sided p-value of seeing at least <see cref="Flagged"/> flagged workers with no cohort effect (the exact
    /// test conditional on each difficulty stratum's totals), before the Bonferroni correction;
    /// <see cref="double.NaN"/> when not tested.
    /// </summary>
    public double PValue { get; init; }

    /// <summary><see cref="PValue"/> times the number of tested cohorts, capped at 1; <see cref="double.NaN"/> when not tested.</summary>
    public double AdjustedPValue { get; init; }

    /// <summary>The finding's sentence when the cohort is flagged more than its tasks explain; <see langword="null"/> otherwise.</summary>
    public string? Finding { get; init; }

    /// <summary>Whether the cohort is a finding.</summary>
    public bool IsFinding => Finding is not null;
}
