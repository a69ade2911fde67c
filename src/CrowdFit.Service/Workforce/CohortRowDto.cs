namespace CrowdFit.Service.Workforce;

/// <summary>One cohort of a <see cref="CohortAuditDto"/>.</summary>
/// <param name="Name">Country code, or "(unknown)".</param>
/// <param name="Workers">Workers in the cohort.</param>
/// <param name="Marked">Marked workers in it.</param>
/// <param name="Share">Marked over workers.</param>
/// <param name="Expected">Marked workers expected from the difficulty of their tasks, with no cohort effect.</param>
/// <param name="ExpectedShare">Expected over workers.</param>
/// <param name="Ratio">Marked over expected; 1 when both are 0, null when only the expectation is 0.</param>
/// <param name="Tested">Whether the cohort had enough workers (10) to be tested.</param>
/// <param name="PValue">One-sided p-value before correction; null when not tested.</param>
/// <param name="AdjustedPValue">Bonferroni-adjusted p-value; null when not tested.</param>
/// <param name="Finding">The finding's sentence, or null.</param>
public sealed record CohortRowDto(
    string Name, int Workers, int Marked, double Share, double Expected, double ExpectedShare, double? Ratio, bool Tested, double? PValue, double? AdjustedPValue, string? Finding);
