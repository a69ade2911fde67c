namespace CrowdFit.Service.Answers;

/// <summary>The decision on a task after an answer (SPEC C1), stored before it is sent.</summary>
/// <param name="Action">accept, extend, review or reject (the answer is not counted).</param>
/// <param name="ExtraAnswers">Further answers predicted to reach the AQL (0 when accepted or in review).</param>
/// <param name="Label">The leading label, or null when the task has no counted answer.</param>
/// <param name="Confidence">Posterior probability of the leading label.</param>
/// <param name="Reasons">Why, most important first.</param>
/// <param name="Answers">Counted answers on the task.</param>
/// <param name="Audit">Accepted on one answer but sampled for a second one.</param>
/// <param name="AnswerId">The stored answer's id.</param>
/// <param name="ModelVersion">The model version that decided.</param>
public sealed record DecisionDto(
    string Action, int ExtraAnswers, string? Label, double Confidence, IReadOnlyList<string> Reasons, int Answers, bool Audit, long AnswerId, int ModelVersion);
