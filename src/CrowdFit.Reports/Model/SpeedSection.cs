namespace CrowdFit.Reports;

/// <summary>Worker accuracy against speed.</summary>
public sealed record SpeedSection : ReportSection
{
    /// <inheritdoc/>
    public override string Id => "speed";

    /// <inheritdoc/>
    public override string Title => "Accuracy and speed";

    /// <summary>Workers with a known accuracy and median time.</summary>
    public int Workers { get; init; }

    /// <summary>
    /// The workers drawn, in worker order, at most <see cref="ReportLimits.MaxScatterPoints"/>: flagged and other
    /// workers get half the cap each (a group with fewer leaves the rest to the other), each group thinned evenly.
    /// </summary>
    public IReadOnlyList<WorkerPoint> Points { get; init; } = [];

    /// <summary>Workers with a known accuracy and median time that are not drawn.</summary>
    public int NotShown { get; init; }
}
