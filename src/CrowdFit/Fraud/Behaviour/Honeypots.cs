using System.Globalization;
using CrowdFit.Numerics;

namespace CrowdFit.Fraud.Behaviour;

/// <summary>
/// Honeypots (SPEC D7): scores every worker on the hidden gold tasks, and catches workers who are right on
/// gold and careless everywhere else.
/// </summary>
/// <remarks>
/// <para>
/// <b>Gold test.</b> Honest gold accuracy varies between workers, so the reference is a distribution: a
/// Beta(α, β) fitted by the method of moments for beta-binomial counts (the binomial part of each worker's
/// spread taken out) over workers with at least <see cref="HoneypotsOptions.MinReferenceGold"/> gold
/// answers, refitted without workers it finds improbable (<see cref="HoneypotsOptions.TrimLevel"/>) until
/// stable, so spammers do not drag the reference down. The p-value is the beta-binomial lower tail
/// P(X ≤ right | gold answers, α, β): exact for an honest worker drawn from that distribution, weak ones
/// included.
/// </para>
/// <para>
/// <b>Gap test</b> (gold-aware cheaters). On tasks without gold that others also answered, the worker's
/// accuracy is read off the truth model's full posterior: S = Σ P(the answer is right), out of m answers, with
/// V = Σ P(right)(1 − P(right)) the uncertainty of that count given the posterior. The worker's accuracy
/// there is then a Beta with the mean of the Jeffreys posterior, (S + ½) / (m + 1), raised by
/// <see cref="HoneypotsOptions.GapAllowance"/>, and the variance of the Jeffreys posterior plus V / m², so
/// that both the sampling error of m answers and the truth model's own doubt widen it. The p-value is the
/// beta-binomial upper tail P(X ≥ right | gold answers) under that Beta: how often a worker this accurate
/// elsewhere does this well on gold, the binomial error of the gold answers included. The posterior counts
/// the worker's own vote, which pulls it towards the worker's labels; that only raises the accuracy credited
/// elsewhere, so the test errs towards honest workers. (A leave-self-out estimate is no substitute: it is
/// shrunk towards the crowd, low for good workers and high for poor ones, and flags honest workers.)
/// </para>
/// <para>
/// The worker's p-value is 2 · min of the two (Bonferroni). Answers get the gold-test p-value on all of the
/// worker's answers and the gap-test p-value on its answers outside gold, combined the same way.
/// </para>
/// </remarks>
public sealed partial class Honeypots : IFraudDetector
{
    /// <summary>Largest mean accuracy elsewhere the gap test grants, so the Beta stays proper.</summary>
    private const double MaxGapMean = 0.999;

    private readonly HoneypotsOptions _options;

    /// <summary>Creates the detector.</summary>
    /// <param name="options">Settings; <see cref="HoneypotsOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public Honeypots(HoneypotsOptions? options = null)
    {
        _options = options ?? HoneypotsOptions.Default;
        _options.Validate();
    }

    /// <inheritdoc />
    public string Name => "honeypots";

    /// <summary>The settings.</summary>
    public HoneypotsOptions Options => _options;

    /// <inheritdoc />
    public DetectorReport Run(WorkLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var answers = log.Answers;
        if (log.Gold.Count == 0)
        {
            return DetectorReport.Skipped(Name, answers.WorkerCount, answers.Count, "needs gold labels (hidden gold tasks)");
        }

        var scores = Score(log);
        var workerP = scores.Select(s => s.P).ToArray();
        var reasons = scores.Select(s => s.Reason).ToArray();
        var answerP = new float[answers.Count];
        for (var a = 0; a < answers.Count; a++)
        {
            var score = scores[answers.Workers[a]];
            var gap = log.Gold[answers.Tasks[a]] >= 0 ? 1 : score.GapP;
            answerP[a] = (float)Math.Min(1, 2 * Math.Min(score.FailP, gap));
        }

        return new DetectorReport(Name, workerP, reasons, answerP);
    }

    /// <summary>Scores every worker's gold record.</summary>
    /// <param name="log">The log, with its gold and current truth.</param>
    /// <returns>One score per worker, in worker order; workers without gold answers get p-values of 1.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="log"/> is null.</exception>
    public IReadOnlyList<GoldScore> Score(WorkLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var answers = log.Answers;
        var workers = answers.WorkerCount;
        var goldAnswers = new int[workers];
        var goldRight = new int[workers];
        var others = new int[workers];
        var agreement = new double[workers];
        var doubt = new double[workers];
        var gold = log.Gold.PerTask;
        var tasks = answers.Tasks;
        var labels = answers.AnswerLabels;
        var byWorker = answers.Workers;
        for (var a = 0; a < answers.Count; a++)
        {
            var w = byWorker[a];
            var task = tasks[a];
            if (gold[task] >= 0)
            {
                goldAnswers[w]++;
                goldRight[w] += gold[task] == labels[a] ? 1 : 0;
            }
            else if (answers.TaskAnswerCount(task) > 1)
            {
                var right = log.Truth.AnswerCorrectProbability(a);
                others[w]++;
                agreement[w] += right;
                doubt[w] += right * (1 - right);
            }
        }

        var (alpha, beta) = FitHonestAccuracy(goldAnswers, goldRight);
        var honestMean = alpha / (alpha + beta);
        var tail = (1 - _options.IntervalMass) / 2;
        var scores = new GoldScore[workers];
        for (var w = 0; w < workers; w++)
        {
            int g = goldAnswers[w], r = goldRight[w], m = others[w];
            if (g == 0)
            {
                scores[w] = new GoldScore(w, 0, 0, double.NaN, double.NaN, double.NaN, m, m == 0 ? double.NaN : agreement[w] / m, 1, 1, 1, null);
                continue;
            }

            var failP = Tails.BetaBinomialLower(r, g, alpha, beta);
            var gapP = m > 0 ? GapP(r, g, m, agreement[w], doubt[w]) : 1.0;

            var low = SpecialFunctions.BetaQuantile(tail, 1 + r, 1 + g - r);
            var high = SpecialFunctions.BetaQuantile(1 - tail, 1 + r, 1 + g - r);
            var otherAgreement = m == 0 ? double.NaN : agreement[w] / m;
            var reason = gapP < failP && gapP < 0.5
                ? string.Create(CultureInfo.InvariantCulture, $"gold: {r} of {g} right, but by the truth model right on only {otherAgreement:0%} of {m} other tasks")
                : string.Create(CultureInfo.InvariantCulture, $"gold: {r} of {g} right ({_options.IntervalMass:0%} interval {low:0%}–{high:0%}; honest workers: {honestMean:0%})");
            scores[w] = new GoldScore(w, g, r, (double)r / g, low, high, m, otherAgreement, failP, gapP, Math.Min(1, 2 * Math.Min(failP, gapP)), reason);
        }

        return scores;
    }

    /// <summary>
    /// The gap test's p-value (see the class remarks): P(X ≥ <paramref name="right"/>) for X ~ BetaBinomial(
    /// <paramref name="gold"/>, α, β), the Beta the worker's accuracy elsewhere: mean (S + ½) / (m + 1) plus the
    /// allowance, variance that of the Jeffreys posterior plus V / m².
    /// </summary>
    private double GapP(int right, int gold, int m, double expectedRight, double doubt)
    {
        var jeffreys = (expectedRight + 0.5) / (m + 1.0);
        var variance = (jeffreys * (1 - jeffreys) / (m + 2.0)) + (doubt / ((double)m * m));
        var mean = Math.Min(MaxGapMean, jeffreys + _options.GapAllowance);
        variance = Math.Min(variance, 0.9 * mean * (1 - mean));
        var size = (mean * (1 - mean) / variance) - 1;
        return Tails.BetaBinomialUpper(right, gold, mean * size, (1 - mean) * size);
    }

    /// <summary>
    /// The Beta of honest gold accuracy: moments over the kept reference workers, pooled mean μ and between-worker
    /// variance τ² = mean((x − μ)²) − mean(μ(1 − μ)/g), refitted without improbable workers until stable.
    /// </summary>
    private (double Alpha, double Beta) FitHonestAccuracy(int[] goldAnswers, int[] goldRight)
    {
        var reference = Enumerable.Range(0, goldAnswers.Length).Where(w => goldAnswers[w] >= _options.MinReferenceGold).ToArray();
        var pooled = goldAnswers.Sum() is var total and > 0 ? (double)goldRight.Sum() / total : 0.5;
        if (reference.Length < _options.MinReferenceWorkers)
        {
            return Moments(pooled, _options.FallbackSpread);
        }

        var kept = Enumerable.Repeat(true, reference.Length).ToArray();
        var (alpha, beta) = (1.0, 1.0);
        for (var round = 0; round < 20; round++)
        {
            double right = 0, answered = 0;
            for (var i = 0; i < reference.Length; i++)
            {
                if (kept[i])
                {
                    right += goldRight[reference[i]];
                    answered += goldAnswers[reference[i]];
                }
            }

            var mean = right / answered;
            double deviation = 0, binomial = 0;
            var count = 0;
            for (var i = 0; i < reference.Length; i++)
            {
                if (kept[i])
                {
                    var g = goldAnswers[reference[i]];
                    var x = (double)goldRight[reference[i]] / g;
                    deviation += (x - mean) * (x - mean);
                    binomial += mean * (1 - mean) / g;
                    count++;
                }
            }

            var spread = Math.Sqrt(Math.Max(_options.MinSpread * _options.MinSpread, (deviation - binomial) / count));
            (alpha, beta) = Moments(mean, spread);
            var changed = false;
            for (var i = 0; i < reference.Length; i++)
            {
                var w = reference[i];
                var keep = Tails.BetaBinomialLower(goldRight[w], goldAnswers[w], alpha, beta) >= _options.TrimLevel;
                changed |= keep != kept[i];
                kept[i] = keep;
            }

            if (!changed || !kept.Any(k => k))
            {
                break;
            }
        }

        return (alpha, beta);
    }

    /// <summary>The Beta with mean <paramref name="mean"/> and standard deviation <paramref name="spread"/> (capped to what a Beta allows).</summary>
    private static (double Alpha, double Beta) Moments(double mean, double spread)
    {
        mean = Math.Clamp(mean, 0.01, 0.99);
        var variance = Math.Min(spread * spread, 0.9 * mean * (1 - mean));
        var size = (mean * (1 - mean) / variance) - 1;
        return (mean * size, (1 - mean) * size);
    }
}
