namespace CrowdFit.Reports;

/// <summary>Operations metrics of the whole log and the scorecard by group.</summary>
public sealed record OperationsSection : ReportSection
{
    /// <inheritdoc/>
    public override string Id => "operations";

    /// <inheritdoc/>
    public override string Title => "Operations metrics and scorecard";

    /// <summary>The whole log.</summary>
    public OperationsLine? All { get; init; }

    /// <summary>The column the scorecard groups by (<c>project</c> or <c>country</c>).</summary>
    public string ScorecardColumn { get; init; } = "";

    /// <summary>Why there is no scorecard; <see langword="null"/> when there is one.</summary>
    public string? ScorecardNotMeasuredBecause { get; init; }

    /// <summary>One row per group, most answers first, at most <see cref="ReportLimits.MaxTableRows"/>.</summary>
    public IReadOnlyList<OperationsLine> Scorecard { get; init; } = [];

    /// <summary>Groups not listed.</summary>
    public int NotShown { get; init; }
}
