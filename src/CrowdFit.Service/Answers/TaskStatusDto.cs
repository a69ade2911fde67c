namespace CrowdFit.Service.Answers;

/// <summary>Where a task stands.</summary>
/// <param name="Task">Task id.</param>
/// <param name="Status">open, accepted, review or gold.</param>
/// <param name="Action">The decision as if its last answer had just arrived: accept, extend or review.</param>
/// <param name="Label">The leading label, or null without counted answers.</param>
/// <param name="Confidence">Posterior probability of the leading label.</param>
/// <param name="Answers">Counted answers.</param>
/// <param name="ExtraAnswers">Further answers predicted to reach the AQL.</param>
/// <param name="Posterior">Posterior probability of each label.</param>
public sealed record TaskStatusDto(
    string Task, string Status, string Action, string? Label, double Confidence, int Answers, int ExtraAnswers, IReadOnlyDictionary<string, double> Posterior);
