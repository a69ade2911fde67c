namespace CrowdFit.Reports;

/// <summary>Rings: shared infrastructure, synchronised timing, copied answers.</summary>
public sealed record RingSection : ReportSection
{
    /// <inheritdoc/>
    public override string Id => "rings";

    /// <inheritdoc/>
    public override string Title => "Rings";

    /// <summary>Rings found.</summary>
    public int Total { get; init; }

    /// <summary>The rings listed, in ring order, at most <see cref="ReportLimits.MaxRings"/>.</summary>
    public IReadOnlyList<RingEntry> Rings { get; init; } = [];

    /// <summary>Rings not listed.</summary>
    public int NotShown { get; init; }
}
