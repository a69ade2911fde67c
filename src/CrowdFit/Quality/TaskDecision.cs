namespace CrowdFit.Quality;

/// <summary>The decision on one task after an answer, with the numbers behind it.</summary>
/// <param name="Kind">Accept, extend, review, or reject the answer just given.</param>
/// <param name="Label">Class index of the leading label (-1 when the task has no counted answer).</param>
/// <param name="Confidence">Posterior probability of the leading label.</param>
/// <param name="Answers">Counted answers on the task.</param>
/// <param name="More">
/// Further answers predicted to reach the quality limit, from the accuracy of the workers likely to answer
/// (0 when accepted or sent to review).
/// </param>
/// <param name="Audit">
/// True when the task is accepted on a single answer but falls in the sampled share that still gets a second
/// answer, so the trust placed in single answers keeps being measured.
/// </param>
/// <param name="Reasons">Human-readable reasons, most important first.</param>
public sealed record TaskDecision(DecisionKind Kind, int Label, double Confidence, int Answers, int More, bool Audit, IReadOnlyList<string> Reasons)
{
    /// <summary>Posterior probability that <see cref="Label"/> is wrong.</summary>
    public double Error => 1 - Confidence;

    /// <summary>Whether the task still wants answers: extended, audited, or the answer rejected on an open task.</summary>
    public bool WantsAnswers => Kind == DecisionKind.Extend || Audit || (Kind == DecisionKind.Reject && More > 0);
}
