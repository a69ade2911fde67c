namespace CrowdFit.Reports;

/// <summary>The label distribution: raw answers against the inferred truth.</summary>
public sealed record LabelSection : ReportSection
{
    /// <inheritdoc/>
    public override string Id => "labels";

    /// <inheritdoc/>
    public override string Title => "Label distribution";

    /// <summary>One row per label, in label order.</summary>
    public IReadOnlyList<LabelCount> Labels { get; init; } = [];
}
