namespace CrowdFit.Reports;

/// <summary>Activity by hour of the day (UTC), honest against flagged workers.</summary>
public sealed record ActivitySection : ReportSection
{
    /// <inheritdoc/>
    public override string Id => "activity";

    /// <inheritdoc/>
    public override string Title => "Activity by hour (UTC)";

    /// <summary>The timestamp column used: <c>submitted_at</c>, else <c>started_at</c>.</summary>
    public string TimeColumn { get; init; } = "";

    /// <summary>24 rows, hour 0 first; empty when not measured.</summary>
    public IReadOnlyList<HourActivity> Hours { get; init; } = [];

    /// <summary>Answers without the timestamp, left out.</summary>
    public int UntimedAnswers { get; init; }
}
