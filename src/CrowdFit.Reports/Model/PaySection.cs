namespace CrowdFit.Reports;

/// <summary>Effective hourly pay against the floor, per task type and per worker.</summary>
public sealed record PaySection : ReportSection
{
    /// <inheritdoc/>
    public override string Id => "pay";

    /// <inheritdoc/>
    public override string Title => "Pay against the floor";

    /// <summary>The hourly floor.</summary>
    public double Floor { get; init; }

    /// <summary>Currency of the rewards ("" when not stated).</summary>
    public string Currency { get; init; } = "";

    /// <summary>Sum of all known rewards.</summary>
    public double Paid { get; init; }

    /// <summary>Hours in the rates.</summary>
    public double Hours { get; init; }

    /// <summary>Workers with a known hourly pay.</summary>
    public int Workers { get; init; }

    /// <summary>Of those, workers paid under the floor.</summary>
    public int WorkersBelowFloor { get; init; }

    /// <summary>Answers left out of the rates for want of both timestamps.</summary>
    public int UnknownTimeAnswers { get; init; }

    /// <summary>Answers left out of the rates for want of a reward.</summary>
    public int UnknownRewardAnswers { get; init; }

    /// <summary>Task types, most hours first, at most <see cref="ReportLimits.MaxTableRows"/>.</summary>
    public IReadOnlyList<TaskTypePayRow> TaskTypes { get; init; } = [];

    /// <summary>Task types not listed.</summary>
    public int NotShown { get; init; }

    /// <summary>Per-worker hourly pay histogram from 0; the last bin is open when some rates lie beyond the drawn range.</summary>
    public IReadOnlyList<HistogramBin> Histogram { get; init; } = [];

    /// <summary>The sentences of the task types whose median pay is under the floor.</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];
}
