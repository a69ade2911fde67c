namespace CrowdFit.Reports;

/// <summary>Flagged workers with their reasons, and the reasons tallied by detector.</summary>
public sealed record FlagSection : ReportSection
{
    /// <inheritdoc/>
    public override string Id => "flags";

    /// <inheritdoc/>
    public override string Title => "Flags and reasons";

    /// <summary>Combined p-value at or below which a worker is flagged.</summary>
    public double WorkerThreshold { get; init; }

    /// <summary>Flagged workers.</summary>
    public int FlaggedWorkers { get; init; }

    /// <summary>Flagged answers.</summary>
    public int FlaggedAnswers { get; init; }

    /// <summary>The most suspicious flagged workers (lowest p-value, then id), at most <see cref="ReportLimits.MaxFlaggedWorkers"/>.</summary>
    public IReadOnlyList<FlaggedWorker> Workers { get; init; } = [];

    /// <summary>Flagged workers not listed.</summary>
    public int NotShown { get; init; }

    /// <summary>Every detector with how many flagged workers it gave a reason for.</summary>
    public IReadOnlyList<DetectorStatus> Detectors { get; init; } = [];
}
