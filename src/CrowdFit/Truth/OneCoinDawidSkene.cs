using CrowdFit.Answers;

namespace CrowdFit.Truth;

/// <summary>
/// One-coin Dawid–Skene: every worker has a single skill, the probability of answering rightly, and spreads
/// its wrong answers uniformly over the other K − 1 classes. EM alternates the posterior of the classes
/// (E-step) with the skills and class proportions (M-step).
/// </summary>
/// <remarks>
/// Dawid, A. P. and Skene, A. M. (1979), "Maximum likelihood estimation of observer error-rates using the
/// EM algorithm", Applied Statistics 28(1), restricted to one coin per worker as in Zhang, Y., Chen, X.,
/// Zhou, D. and Jordan, M. I. (2016), "Spectral methods meet EM: a provably optimal algorithm for
/// crowdsourcing", JMLR 17. The details follow Crowd-Kit 1.4.1: the start from majority-vote shares, a
/// skill as the mean posterior probability of the worker's answers, the floor of
/// <see cref="OneCoinDawidSkeneOptions.Floor"/> on error rates and proportions, and the stopping rule on the
/// per-answer objective. Gold tasks are clamped in the start and after every E-step. With fewer than two
/// classes every task's posterior is a point mass and no EM runs.
/// </remarks>
public sealed partial class OneCoinDawidSkene : ITruthMethod
{
    private readonly OneCoinDawidSkeneOptions _options;

    /// <summary>Creates the method.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public OneCoinDawidSkene(OneCoinDawidSkeneOptions? options = null)
    {
        _options = options ?? new OneCoinDawidSkeneOptions();
        _options.Validate();
    }

    /// <inheritdoc />
    public string Name => "onecoin";

    /// <inheritdoc />
    public TruthResult Infer(AnswerSet answers, GoldLabels? gold = null) => Fit(answers, gold).Truth;

    /// <summary>Infers the posteriors together with every worker's skill.</summary>
    /// <param name="answers">The answers.</param>
    /// <param name="gold">Known labels, clamped after every E-step; <see langword="null"/> when there are none.</param>
    /// <returns>The truth result, whose confusion matrices are the one-coin ones, and the skills.</returns>
    public OneCoinDawidSkeneResult Fit(AnswerSet answers, GoldLabels? gold = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var k = answers.ClassCount;
        var posterior = new double[answers.TaskCount * k];
        var iterations = 0;
        var converged = true;
        if (k < 2)
        {
            posterior.AsSpan().Fill(1);
        }
        else
        {
            Posteriors.VoteShares(answers, posterior);
            Posteriors.ClampGold(gold, posterior, k);
            (iterations, converged) = RunEm(answers, gold, posterior);
        }

        var prior = Posteriors.ClassShares(posterior, answers.TaskCount, k);
        var skills = MaximisationStep(answers, posterior);
        var workers = WorkerEstimates.Build(answers, posterior, Confusions(skills, k));
        var truth = new TruthResult(Name, answers, posterior, prior, workers, iterations, converged);
        return new OneCoinDawidSkeneResult(truth, skills);
    }

    private (int Iterations, bool Converged) RunEm(AnswerSet answers, GoldLabels? gold, double[] posterior)
    {
        var k = answers.ClassCount;
        var prior = Posteriors.ClassShares(posterior, answers.TaskCount, k);
        var skills = MaximisationStep(answers, posterior);
        var objective = double.NegativeInfinity;
        for (var iteration = 1; iteration <= _options.MaxIterations; iteration++)
        {
            ExpectationStep(answers, prior, skills, posterior);
            Posteriors.ClampGold(gold, posterior, k);
            prior = Posteriors.ClassShares(posterior, answers.TaskCount, k);
            skills = MaximisationStep(answers, posterior);
            var next = Objective(answers, posterior, prior, skills) / Math.Max(1, answers.Count);
            if (next - objective < _options.Tolerance)
            {
                return (iteration, true);
            }

            objective = next;
        }

        return (_options.MaxIterations, false);
    }

    /// <summary>Each worker's skill: the mean posterior probability of the classes it answered (NaN with no answers).</summary>
    private static double[] MaximisationStep(AnswerSet answers, ReadOnlySpan<double> posterior)
    {
        var k = answers.ClassCount;
        var sum = new double[answers.WorkerCount];
        var count = new int[answers.WorkerCount];
        var tasks = answers.Tasks;
        var workers = answers.Workers;
        var labels = answers.AnswerLabels;
        for (var a = 0; a < answers.Count; a++)
        {
            sum[workers[a]] += posterior[(tasks[a] * k) + labels[a]];
            count[workers[a]]++;
        }

        for (var w = 0; w < sum.Length; w++)
        {
            sum[w] = count[w] == 0 ? double.NaN : sum[w] / count[w];
        }

        return sum;
    }
}
