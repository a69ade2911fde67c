namespace CrowdFit.Operations;

/// <summary>The answers submitted in one time window, and how they compare with the windows before it.</summary>
/// <param name="Name">
/// The window for people: its first day (<c>2026-03-05</c>) or day range (<c>2026-03-05 to 2026-03-07</c>, both
/// days included) when the window length is whole days, else its start and exclusive end to the minute or second.
/// </param>
/// <param name="Start">Start of the window (UTC), included.</param>
/// <param name="End">End of the window (UTC), excluded.</param>
/// <param name="Answers">Answers submitted in the window.</param>
/// <param name="LabelCounts">Answers per label, indexed by class index.</param>
/// <param name="AgreeingAnswers">The window's answers equal to the inferred label of their task.</param>
/// <param name="KrippendorffAlpha">
/// Krippendorff's nominal alpha over the window's answers alone (see
/// <see cref="CrowdFit.Agreement.KrippendorffAlpha"/>); <see cref="double.NaN"/> when no task has two answers in
/// the window or all of them carry one label.
/// </param>
/// <param name="LabelPValue">
/// Bonferroni-corrected p-value of the chi-square test of the window's label distribution against the pooled
/// windows before; <see cref="double.NaN"/> for the first window, which has no baseline, and 1 when fewer than two
/// labels occur in the window and its baseline together.
/// </param>
/// <param name="AgreementPValue">
/// Bonferroni-corrected two-sided p-value of the z test of the window's agreement against the pooled windows
/// before; <see cref="double.NaN"/> for the first window, and 1 when every answer of both agrees or none does.
/// </param>
public sealed record DriftWindow(
    string Name,
    DateTimeOffset Start,
    DateTimeOffset End,
    int Answers,
    IReadOnlyList<int> LabelCounts,
    int AgreeingAnswers,
    double KrippendorffAlpha,
    double LabelPValue,
    double AgreementPValue)
{
    /// <summary>Share of the window's answers equal to the inferred label of their task, in [0, 1].</summary>
    /// <value><see cref="AgreeingAnswers"/> / <see cref="Answers"/>; <see cref="double.NaN"/> when the window has no answers.</value>
    public double Agreement => Answers == 0 ? double.NaN : (double)AgreeingAnswers / Answers;

    /// <summary>Share of the window's answers carrying the label with class index <paramref name="label"/>.</summary>
    /// <param name="label">A class index below <c>LabelCounts.Count</c>.</param>
    /// <returns>The share in [0, 1]; <see cref="double.NaN"/> when the window has no answers.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="label"/> is not a class index.</exception>
    public double Share(int label) => Answers == 0 ? double.NaN : (double)LabelCounts[label] / Answers;
}
