namespace CrowdFit.Fraud.Behaviour;

/// <summary>One worker's record on hidden gold, scored by <see cref="Honeypots"/>.</summary>
/// <param name="Worker">Worker index.</param>
/// <param name="GoldAnswers">Answers on gold tasks.</param>
/// <param name="GoldRight">Of those, how many gave the gold label.</param>
/// <param name="Accuracy">GoldRight / GoldAnswers; NaN without gold answers.</param>
/// <param name="AccuracyLow">Lower end of the equal-tailed credible interval of the gold accuracy under Beta(1 + right, 1 + wrong).</param>
/// <param name="AccuracyHigh">Upper end of that interval.</param>
/// <param name="OtherAnswers">Answers on tasks without gold that other workers also answered.</param>
/// <param name="OtherAgreement">Mean posterior probability, by the truth model, that those answers are right; NaN when there are none.</param>
/// <param name="FailP">P-value of the gold test: how often an honest worker gets this few gold answers right.</param>
/// <param name="GapP">P-value of the gap test: how often an honest worker this accurate elsewhere (by the truth model) does this well on gold.</param>
/// <param name="P">The worker's p-value: 2 · min(FailP, GapP), at most 1.</param>
/// <param name="Reason">The record in words; <see langword="null"/> without gold answers.</param>
public sealed record GoldScore(
    int Worker,
    int GoldAnswers,
    int GoldRight,
    double Accuracy,
    double AccuracyLow,
    double AccuracyHigh,
    int OtherAnswers,
    double OtherAgreement,
    double FailP,
    double GapP,
    double P,
    string? Reason);
