namespace CrowdFit.Reports;

/// <summary>The crowd's pooled confusion and the busiest workers' own, against the inferred truth.</summary>
public sealed record ConfusionSection : ReportSection
{
    /// <inheritdoc/>
    public override string Id => "confusion";

    /// <inheritdoc/>
    public override string Title => "Confusion matrices";

    /// <summary>
    /// Row and column labels: the most frequent labels, then <see cref="AnalysisReportBuilder.OtherLabel"/> when
    /// <see cref="OtherLabels"/> is above 0.
    /// </summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>Labels pooled into the last row and column because there were too many to draw.</summary>
    public int OtherLabels { get; init; }

    /// <summary>The pooled confusion of all answers.</summary>
    public ConfusionMatrix? Crowd { get; init; }

    /// <summary>The busiest workers' matrices, most answers first.</summary>
    public IReadOnlyList<ConfusionMatrix> Workers { get; init; } = [];
}
