namespace CrowdFit.Simulation.RedTeam;

/// <summary>Detection of one adversary kind on one scenario, at worker and at answer level.</summary>
/// <param name="Scenario">The preset or log the row is about.</param>
/// <param name="Kind">The adversary kind (its workers are the positives; honest workers the negatives).</param>
/// <param name="Workers">Worker-level score: workers of this kind against honest workers.</param>
/// <param name="Answers">Answer-level score: bad answers of this attack against every good answer.</param>
/// <param name="MedianAnswersToFlag">
/// For kinds that spam, the median number of bad answers a worker had given when first flagged, replaying the
/// log in time order; NaN when not measured.
/// </param>
public sealed record RedTeamRow(string Scenario, string Kind, DetectionScore Workers, DetectionScore Answers, double MedianAnswersToFlag);
