namespace CrowdFit.Reports;

/// <summary>A gold task whose gold label the crowd, judged without the gold, does not back.</summary>
/// <param name="Task">Task id.</param>
/// <param name="GoldLabel">The gold label.</param>
/// <param name="CrowdLabel">The crowd's leading label.</param>
/// <param name="Answers">Answers on the task.</param>
/// <param name="PassRate">Share of them giving the gold label; <see langword="null"/> without answers.</param>
/// <param name="GoldPosterior">Posterior of the gold label from the crowd alone.</param>
/// <param name="CrowdConfidence">Posterior of the crowd's label.</param>
/// <param name="Suspect">Whether the gold label is unlikely enough that the gold itself should be checked.</param>
public sealed record GoldDispute(string Task, string GoldLabel, string CrowdLabel, int Answers, double? PassRate, double GoldPosterior, double CrowdConfidence, bool Suspect);
