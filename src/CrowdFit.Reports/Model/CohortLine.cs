namespace CrowdFit.Reports;

/// <summary>One cohort's flag rate against what the difficulty of its tasks explains.</summary>
/// <param name="Name">The cohort's value (country, project, tenure band...).</param>
/// <param name="Workers">Workers in the cohort.</param>
/// <param name="Flagged">Flagged workers in it.</param>
/// <param name="FlagRate">Flagged over workers, in [0, 1].</param>
/// <param name="Expected">Flagged workers expected from the difficulty of their tasks.</param>
/// <param name="Ratio">Flagged over expected; <see langword="null"/> when only the expectation is 0.</param>
/// <param name="Tested">Whether the cohort was large enough to test.</param>
/// <param name="AdjustedPValue">Bonferroni-adjusted p-value; <see langword="null"/> when not tested.</param>
/// <param name="Finding">The finding's sentence; <see langword="null"/> when the cohort is not a finding.</param>
public sealed record CohortLine(string Name, int Workers, int Flagged, double FlagRate, double Expected, double? Ratio, bool Tested, double? AdjustedPValue, string? Finding);
