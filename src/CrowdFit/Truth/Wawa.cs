using CrowdFit.Answers;

namespace CrowdFit.Truth;

/// <summary>
/// Worker Agreement With Aggregate: a majority vote, then each worker's skill as the share of its answers
/// that agree with the majority label, then a vote weighted by those skills.
/// </summary>
/// <remarks>
/// The heuristic is the one shipped as <c>Wawa</c> by Crowd-Kit (Ustalov, D., Pavlichenko, N. and Tseitlin,
/// B. (2024), "Learning from crowds with Crowd-Kit", Journal of Open Source Software 9(96), 6227) and
/// matches its 1.4.1 output: majority ties go to the first label in ordinal order, a worker's repeated
/// identical answers to a task count once in its skill (<see cref="WawaOptions.CountRepeatsOnce"/>), and
/// the posterior is each class's share of the skill-weighted votes, zero for classes nobody chose. Where
/// Crowd-Kit would divide by zero (every worker of a task has skill 0, which gold alone can cause) the task
/// keeps its plain vote shares. Gold tasks are clamped in the majority vote, so skills are measured against gold there, and
/// again in the result.
/// </remarks>
public sealed class Wawa : ITruthMethod
{
    private readonly WawaOptions _options;

    /// <summary>Creates the method.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public Wawa(WawaOptions? options = null)
    {
        _options = options ?? new WawaOptions();
        _options.Validate();
    }

    /// <inheritdoc />
    public string Name => "wawa";

    /// <inheritdoc />
    public TruthResult Infer(AnswerSet answers, GoldLabels? gold = null) => Fit(answers, gold).Truth;

    /// <summary>Infers the posteriors together with the skills used as vote weights.</summary>
    /// <param name="answers">The answers.</param>
    /// <param name="gold">Known labels, clamped in the majority vote and the result; <see langword="null"/> when there are none.</param>
    /// <returns>The truth result and the skill of every worker.</returns>
    public WawaResult Fit(AnswerSet answers, GoldLabels? gold = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var k = answers.ClassCount;
        var posterior = new double[answers.TaskCount * k];
        Posteriors.VoteShares(answers, posterior);
        Posteriors.ClampGold(gold, posterior, k);
        var skills = AgreementWithMajority(answers, posterior);
        WeightedVote(answers, skills, posterior);
        Posteriors.ClampGold(gold, posterior, k);
        var truth = new TruthResult(
            Name, answers, posterior, Posteriors.ClassShares(posterior, answers.TaskCount, k),
            WorkerEstimates.Build(answers, posterior), 0, true);
        return new WawaResult(truth, skills);
    }

    /// <summary>Share of each worker's answers equal to the majority label (NaN for a worker with none).</summary>
    private double[] AgreementWithMajority(AnswerSet answers, ReadOnlySpan<double> majority)
    {
        var k = answers.ClassCount;
        var agree = new double[answers.WorkerCount];
        var total = new double[answers.WorkerCount];
        var starts = answers.TaskStarts;
        var workers = answers.Workers;
        var labels = answers.AnswerLabels;
        var seen = new HashSet<long>();
        for (var t = 0; t < answers.TaskCount; t++)
        {
            var label = TruthResult.ArgMax(majority.Slice(t * k, k));
            seen.Clear();
            for (var a = starts[t]; a < starts[t + 1]; a++)
            {
                if (_options.CountRepeatsOnce && !seen.Add(((long)workers[a] * k) + labels[a]))
                {
                    continue;
                }

                total[workers[a]] += 1;
                agree[workers[a]] += labels[a] == label ? 1 : 0;
            }
        }

        for (var w = 0; w < agree.Length; w++)
        {
            agree[w] = total[w] == 0 ? double.NaN : agree[w] / total[w];
        }

        return agree;
    }

    /// <summary>Replaces each task's row by its skill-weighted vote shares, keeping the old row where all weights are 0.</summary>
    private static void WeightedVote(AnswerSet answers, ReadOnlySpan<double> skills, Span<double> posterior)
    {
        var k = answers.ClassCount;
        var starts = answers.TaskStarts;
        var workers = answers.Workers;
        var labels = answers.AnswerLabels;
        Span<double> votes = k <= 256 ? stackalloc double[k] : new double[k];
        for (var t = 0; t < answers.TaskCount; t++)
        {
            votes.Clear();
            var sum = 0.0;
            for (var a = starts[t]; a < starts[t + 1]; a++)
            {
                votes[labels[a]] += skills[workers[a]];
                sum += skills[workers[a]];
            }

            if (sum > 0)
            {
                var row = posterior.Slice(t * k, k);
                for (var c = 0; c < k; c++)
                {
                    row[c] = votes[c] / sum;
                }
            }
        }
    }
}
