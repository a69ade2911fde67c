namespace CrowdFit.Operations;

/// <summary>One window whose label distribution or agreement moved away from the windows before it.</summary>
/// <param name="Window">Index of the window in <see cref="DriftReport.Windows"/>.</param>
/// <param name="Kind">What moved.</param>
/// <param name="Label">
/// For <see cref="DriftAlertKind.LabelDistribution"/>, the class index of the label that moved most (the largest
/// Pearson residual of the window's row); -1 for <see cref="DriftAlertKind.Agreement"/>.
/// </param>
/// <param name="Value">The window's share of <paramref name="Label"/>, or its agreement, in [0, 1].</param>
/// <param name="Baseline">The same share or agreement over the pooled windows before, in [0, 1].</param>
/// <param name="PValue">The Bonferroni-corrected p-value of the test, in [0, 1].</param>
/// <param name="Text">One line for people, naming the window, what moved and by how much.</param>
public sealed record DriftAlert(int Window, DriftAlertKind Kind, int Label, double Value, double Baseline, double PValue, string Text);
