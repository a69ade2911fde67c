namespace CrowdFit.Service.Findings;

/// <summary>A window whose label distribution or agreement moved away from the windows before it.</summary>
/// <param name="Window">Index of the window in <see cref="DriftDto.Windows"/>.</param>
/// <param name="Kind"><c>labels</c> (the label distribution moved) or <c>agreement</c> (agreement with the live labels moved).</param>
/// <param name="Label">For <c>labels</c>, the label that moved most; null for <c>agreement</c>.</param>
/// <param name="Value">The window's share of that label, or its agreement.</param>
/// <param name="Baseline">The same share or agreement over the windows before.</param>
/// <param name="PValue">The Bonferroni-corrected p-value of the test.</param>
/// <param name="Text">One line for people, naming the window, what moved and by how much.</param>
public sealed record DriftAlertDto(int Window, string Kind, string? Label, double Value, double Baseline, double PValue, string Text);
