namespace CrowdFit.Reports;

/// <summary>Flag rates by cohort against what task difficulty explains.</summary>
public sealed record CohortSection : ReportSection
{
    /// <inheritdoc/>
    public override string Id => "cohorts";

    /// <inheritdoc/>
    public override string Title => "Cohort audit";

    /// <summary>The column the cohorts come from (for example <c>country</c>).</summary>
    public string Column { get; init; } = "";

    /// <summary>Workers with at least one answer.</summary>
    public int Workers { get; init; }

    /// <summary>Flagged workers among them.</summary>
    public int Flagged { get; init; }

    /// <summary>The cohorts, findings first, then most workers; at most <see cref="ReportLimits.MaxTableRows"/>.</summary>
    public IReadOnlyList<CohortLine> Cohorts { get; init; } = [];

    /// <summary>Cohorts not listed.</summary>
    public int NotShown { get; init; }

    /// <summary>Every finding's sentence, in cohort order.</summary>
    public IReadOnlyList<string> Findings { get; init; } = [];
}
