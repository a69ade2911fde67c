namespace CrowdFit.Reports;

/// <summary>One drift alert.</summary>
/// <param name="Window">Name of the window.</param>
/// <param name="Kind"><c>label-distribution</c> or <c>agreement</c>.</param>
/// <param name="Label">The label that moved most; <see langword="null"/> for an agreement alert.</param>
/// <param name="Value">The window's share or agreement, in [0, 1].</param>
/// <param name="Baseline">The same over the windows before, in [0, 1].</param>
/// <param name="PValue">Bonferroni-corrected p-value.</param>
/// <param name="Text">One line for people.</param>
public sealed record DriftAlertLine(string Window, string Kind, string? Label, double Value, double Baseline, double PValue, string Text);
