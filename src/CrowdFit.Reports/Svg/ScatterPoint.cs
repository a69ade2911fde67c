namespace CrowdFit.Reports;

/// <summary>One point of a scatter chart.</summary>
/// <param name="X">Horizontal value.</param>
/// <param name="Y">Vertical value.</param>
/// <param name="Label">Text shown when pointing at the point (for example the worker id).</param>
/// <param name="Highlight">Whether the point is drawn in the highlight colour (for example a flagged worker).</param>
public sealed record ScatterPoint(double X, double Y, string Label, bool Highlight);
