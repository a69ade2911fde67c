namespace CrowdFit.Service.Workforce;

/// <summary>
/// One cohort audit: how many workers of each cohort are marked (flagged, or with a rejected answer) against how many
/// the difficulty of their tasks explains, with an exact one-sided test per cohort, Bonferroni-corrected.
/// </summary>
/// <param name="Measure">What marks a worker: "flagged" or "rejected".</param>
/// <param name="SkippedBecause">Why the audit did not run (no answers, no countries); null when it ran.</param>
/// <param name="Note">What limits the result, such as no cohort large enough to test; null when nothing does.</param>
/// <param name="Workers">Workers in the audit.</param>
/// <param name="Marked">Marked workers among them.</param>
/// <param name="TestedCohorts">Cohorts large enough to be tested (the Bonferroni factor).</param>
/// <param name="Cohorts">One row per cohort, in the order the countries first appear, "(unknown)" last.</param>
/// <param name="Findings">Sentences naming the cohorts marked more often than their tasks explain.</param>
public sealed record CohortAuditDto(
    string Measure, string? SkippedBecause, string? Note, int Workers, int Marked, int TestedCohorts, IReadOnlyList<CohortRowDto> Cohorts, IReadOnlyList<string> Findings);
