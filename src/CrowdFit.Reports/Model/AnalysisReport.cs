using System.Text.Json.Serialization;

namespace CrowdFit.Reports;

/// <summary>
/// Everything <c>crowdfit analyze</c> found, as plain values: the one model that the HTML, Markdown and JSON
/// reports are rendered from. Build it with <see cref="AnalysisReportBuilder.Build"/>.
/// </summary>
public sealed record AnalysisReport
{
    /// <summary>The report's title.</summary>
    public string Title { get; init; } = "CrowdFit analysis report";

    /// <summary>Size of the log and the headline result.</summary>
    public required SummarySection Summary { get; init; }

    /// <summary>Label distribution.</summary>
    public required LabelSection Labels { get; init; }

    /// <summary>Confusion matrices.</summary>
    public required ConfusionSection Confusion { get; init; }

    /// <summary>Worker accuracy against speed.</summary>
    public required SpeedSection Speed { get; init; }

    /// <summary>Flags and reasons.</summary>
    public required FlagSection Flags { get; init; }

    /// <summary>Rings.</summary>
    public required RingSection Rings { get; init; }

    /// <summary>Activity by hour of the day.</summary>
    public required ActivitySection Activity { get; init; }

    /// <summary>Pay against the floor.</summary>
    public required PaySection Pay { get; init; }

    /// <summary>Cohort audit.</summary>
    public required CohortSection Cohorts { get; init; }

    /// <summary>Drift over time.</summary>
    public required DriftSection Drift { get; init; }

    /// <summary>Gold efficacy.</summary>
    public required GoldSection Gold { get; init; }

    /// <summary>Operations metrics and the scorecard.</summary>
    public required OperationsSection Operations { get; init; }

    /// <summary>Every section in report order.</summary>
    [JsonIgnore]
    public IReadOnlyList<ReportSection> Sections => [Summary, Labels, Confusion, Speed, Flags, Rings, Activity, Pay, Cohorts, Drift, Gold, Operations];
}
