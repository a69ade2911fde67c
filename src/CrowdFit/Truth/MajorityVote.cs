using CrowdFit.Answers;

namespace CrowdFit.Truth;

/// <summary>
/// Unweighted majority vote: a task's posterior is the share of its answers per class.
/// </summary>
/// <remarks>
/// Tie rule: when classes tie for the most votes the label is the one first in ordinal string order
/// (the lowest class index), the same rule as Crowd-Kit's MajorityVote with sorted label columns. The tie
/// stays visible in the posterior, which gives the tied classes equal probability. Gold tasks are clamped.
/// </remarks>
public sealed class MajorityVote : ITruthMethod
{
    /// <inheritdoc />
    public string Name => "mv";

    /// <inheritdoc />
    public TruthResult Infer(AnswerSet answers, GoldLabels? gold = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var k = answers.ClassCount;
        var posterior = new double[answers.TaskCount * k];
        Posteriors.VoteShares(answers, posterior);
        Posteriors.ClampGold(gold, posterior, k);
        var workers = WorkerEstimates.Build(answers, posterior);
        return new TruthResult(Name, answers, posterior, Posteriors.ClassShares(posterior, answers.TaskCount, k), workers, 0, true);
    }
}
