namespace CrowdFit.Fraud.Behaviour;

/// <summary>What <see cref="SpamState"/> found about one worker.</summary>
/// <param name="Worker">Worker index.</param>
/// <param name="Answers">Answers weighed: the worker's answers on tasks without gold.</param>
/// <param name="Skill">Chance-corrected skill κ̂ over those answers (0 = answers independent of the truth, 1 = always right); NaN when the other answers say nothing about the tasks.</param>
/// <param name="WholeP">P-value of the whole-history test: how often an honest worker shows skill this close to zero.</param>
/// <param name="ChangeP">P-value of the change scan (corrected for the run lengths tried): how often an honest worker's recent answers fall this far below its earlier ones; 1 when no run was tried.</param>
/// <param name="DegeneracyP">P-value of the degeneracy test: how often an honest worker over-uses one label this much.</param>
/// <param name="PatternP">P-value of the pattern test (corrected for the lags tried): how often an honest worker repeats its labels this regularly.</param>
/// <param name="P">The worker's p-value: the four combined by weighted Bonferroni (weights 0.4, 0.3, 0.2 and 0.1).</param>
/// <param name="Onset">Timeline position (<see cref="WorkLog.Timeline"/>) where the spam state began; -1 unless <paramref name="P"/> is at most the report level.</param>
/// <param name="Reason">Why, in words; <see langword="null"/> unless <paramref name="P"/> is at most the report level.</param>
public sealed record SpamFinding(int Worker, int Answers, double Skill, double WholeP, double ChangeP, double DegeneracyP, double PatternP, double P, int Onset, string? Reason)
{
    /// <summary>
    /// Per timeline position (<see cref="WorkLog.Timeline"/>), the chance that the spam state had not yet begun
    /// when the answer was given: the posterior mass of the change point after the answer. Answers on gold tasks,
    /// which the tests do not weigh, get the chance of the weighed answer before them (1 before the first). Empty
    /// unless <see cref="P"/> is at most the report level.
    /// </summary>
    public IReadOnlyList<float> BeforeState { get; init; } = [];
}
