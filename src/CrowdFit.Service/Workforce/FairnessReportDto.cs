namespace CrowdFit.Service.Workforce;

/// <summary>The cohort audit of a project by worker country (SPEC G2), with answers, rejections and pay by cohort.</summary>
/// <param name="Project">Project id.</param>
/// <param name="Column">What defines a cohort: "country", from the worker profiles (<c>POST .../workers</c>).</param>
/// <param name="Workers">Workers with answers.</param>
/// <param name="WorkersWithCountry">Those whose profile names a country; the others form the cohort "(unknown)".</param>
/// <param name="Flagged">Workers the engine flags now, by cohort, against what the difficulty of their tasks explains.</param>
/// <param name="Rejected">Workers with at least one rejected answer, by cohort, against what the difficulty of their tasks explains.</param>
/// <param name="Cohorts">Answers, rejected answers and effective pay by cohort, by name ("(unknown)" last).</param>
/// <param name="PayNotMeasuredBecause">Why the cohorts have no pay figures; null when they have.</param>
public sealed record FairnessReportDto(
    string Project, string Column, int Workers, int WorkersWithCountry, CohortAuditDto Flagged, CohortAuditDto Rejected,
    IReadOnlyList<CohortSummaryDto> Cohorts, string? PayNotMeasuredBecause);
