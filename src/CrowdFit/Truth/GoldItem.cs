namespace CrowdFit.Truth;

/// <summary>How the crowd sees one gold task (SPEC B5).</summary>
/// <param name="Task">Task index.</param>
/// <param name="GoldLabel">The gold class.</param>
/// <param name="Answers">Answers on the task.</param>
/// <param name="PassRate">Share of those answers that give the gold label.</param>
/// <param name="GoldPosterior">Posterior probability of the gold label from the crowd alone (gold not used as input).</param>
/// <param name="CrowdLabel">The crowd's leading class.</param>
/// <param name="CrowdConfidence">Its posterior probability.</param>
/// <param name="Suspect">Whether the crowd makes the gold label unlikely enough that the gold itself should be checked.</param>
public sealed record GoldItem(int Task, int GoldLabel, int Answers, double PassRate, double GoldPosterior, int CrowdLabel, double CrowdConfidence, bool Suspect);
