namespace CrowdFit.Reports;

/// <summary>One section of an <see cref="AnalysisReport"/>: its anchor, its heading and, when it could not be measured, why.</summary>
/// <remarks>
/// A section whose input is missing (no timestamps, no gold, no rewards) stays in the report with
/// <see cref="NotMeasuredBecause"/> set and its numbers empty; it is never dropped and never filled in.
/// </remarks>
public abstract record ReportSection
{
    /// <summary>Anchor of the section in the HTML report (for example <c>pay</c>).</summary>
    public abstract string Id { get; }

    /// <summary>The section's heading.</summary>
    public abstract string Title { get; }

    /// <summary>Why the section was not measured (for example "needs started_at and submitted_at"); <see langword="null"/> when it was.</summary>
    public string? NotMeasuredBecause { get; init; }

    /// <summary>Whether the section was measured.</summary>
    public bool Measured => NotMeasuredBecause is null;
}
