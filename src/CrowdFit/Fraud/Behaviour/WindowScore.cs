namespace CrowdFit.Fraud.Behaviour;

/// <summary>How well one candidate window served one windowed statistic in the window search of <see cref="BehaviourFeatures"/>.</summary>
/// <param name="Statistic">The column the window is for (<see cref="BehaviourColumns.LabelEntropy"/> or <see cref="BehaviourColumns.AgreementWindow"/>).</param>
/// <param name="Window">The window length in answers.</param>
/// <param name="Loss">
/// Mean one-step-ahead prediction loss over every answer that has an earlier one: log loss of the next label
/// under the window's label shares (entropy) or squared error of the next agreement (agreement). Lower is
/// better; NaN when no answer had a predecessor.
/// </param>
/// <param name="Chosen">Whether this window was chosen.</param>
public sealed record WindowScore(string Statistic, int Window, double Loss, bool Chosen);
