namespace CrowdFit.Reports;

/// <summary>Agreement and label shares per time window, with alerts.</summary>
public sealed record DriftSection : ReportSection
{
    /// <inheritdoc/>
    public override string Id => "drift";

    /// <inheritdoc/>
    public override string Title => "Drift over time";

    /// <summary>
    /// The labels whose shares are given: the most frequent, then <see cref="AnalysisReportBuilder.OtherLabel"/>
    /// for the rest when there are too many to draw.
    /// </summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>Windows in time order; the latest <see cref="ReportLimits.MaxWindows"/> when there are more.</summary>
    public IReadOnlyList<DriftPoint> Windows { get; init; } = [];

    /// <summary>Earlier windows not listed.</summary>
    public int NotShown { get; init; }

    /// <summary>Every alert, in window order.</summary>
    public IReadOnlyList<DriftAlertLine> Alerts { get; init; } = [];

    /// <summary>Answers without a submit time, left out.</summary>
    public int UntimedAnswers { get; init; }
}
