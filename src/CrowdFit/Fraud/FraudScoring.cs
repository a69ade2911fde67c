namespace CrowdFit.Fraud;

/// <summary>
/// Combines the reports of several detectors into one fraud probability, flag and list of reasons per worker
/// and per answer, with thresholds set for an operator-chosen false positive rate.
/// </summary>
/// <remarks>
/// <para>
/// <b>Flags.</b> Each detector gives a p-value: the chance that honest work shows evidence at least this
/// strong. With m detectors run, the combined p-value is min(1, m · min p) (Bonferroni), so a flag at
/// combined p ≤ α flags at most a share α of honest workers whenever each detector's p-values are valid,
/// however the detectors depend on each other and however much fraud there is.
/// </para>
/// <para>
/// <b>Probabilities.</b> A p-value is not the probability of fraud. The probability reported is
/// π₁ / (π₁ + π₀ · B(p)), where B(p) = −e · p · ln p (for p &lt; 1/e, else 1) is the Sellke, Bayarri &amp;
/// Berger (2001) bound on the Bayes factor for honesty that a p-value p can carry, and π₀ = 1 − π₁ is the
/// share of honest workers estimated from the p-values themselves (Storey 2002, λ = 1/2), with π₁ floored
/// at <see cref="FraudScoringOptions.MinimumFraudShare"/>. The bound favours fraud, so the probability
/// is an upper estimate: a reason to look, not a verdict.
/// </para>
/// <para>
/// <b>Reasons.</b> A worker's reasons are the detectors whose own p-value passes the per-detector threshold
/// α / m, strongest first; when none does, the single strongest piece of evidence is shown.
/// </para>
/// </remarks>
public static class FraudScoring
{
    /// <summary>Combines the reports.</summary>
    /// <param name="log">The log the detectors ran on.</param>
    /// <param name="reports">One report per detector; skipped detectors are ignored.</param>
    /// <param name="options">Thresholds; <see cref="FraudScoringOptions.Default"/> when null.</param>
    /// <returns>The combined scores.</returns>
    /// <exception cref="ArgumentException">The options are invalid, or a report does not match the log.</exception>
    public static FraudScores Score(WorkLog log, IReadOnlyList<DetectorReport> reports, FraudScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(reports);
        options ??= FraudScoringOptions.Default;
        if (options.Problems() is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        var ran = reports.Where(r => r.Ran).ToArray();
        var workerCount = log.Answers.WorkerCount;
        var answerCount = log.Answers.Count;
        foreach (var report in ran)
        {
            if (report.WorkerP.Length != workerCount || report.AnswerP.Length != answerCount)
            {
                throw new ArgumentException($"Detector '{report.Detector}' reported {report.WorkerP.Length} workers and {report.AnswerP.Length} answers; the log has {workerCount} and {answerCount}.", nameof(reports));
            }
        }

        var m = Math.Max(1, ran.Length);
        var workerThreshold = options.FalsePositiveRate;
        var answerThreshold = options.AnswerFalsePositiveRate;

        var workerP = new double[workerCount];
        var workerBest = new int[workerCount];
        Combine(ran, m, workerP, workerBest, static (r, i) => r.WorkerP[i]);
        var answerP = new double[answerCount];
        var answerBest = new int[answerCount];
        Combine(ran, m, answerP, answerBest, static (r, i) => r.AnswerP[i]);

        var workerFlagged = workerP.Select(p => p <= workerThreshold).ToArray();
        var answerFlagged = answerP.Select(p => p <= answerThreshold).ToArray();
        var workerProbability = Probabilities(workerP, options.MinimumFraudShare);
        var answerProbability = Probabilities(answerP, options.MinimumFraudShare);

        var perDetectorWorker = workerThreshold / m;
        var workerReasons = new string[workerCount];
        var workerOnset = new int[workerCount];
        for (var w = 0; w < workerCount; w++)
        {
            workerReasons[w] = Reasons(ran, workerBest[w], perDetectorWorker, r => r.WorkerP[w], r => r.WorkerReason(w));
            workerOnset[w] = workerFlagged[w] ? Onset(ran, w, perDetectorWorker) : -1;
        }

        var perDetectorAnswer = answerThreshold / m;
        string AnswerReasons(int a)
        {
            var worker = log.Answers.Workers[a];
            return Reasons(ran, answerBest[a], perDetectorAnswer, r => r.AnswerP[a], r => r.AnswerReason(a) ?? r.WorkerReason(worker));
        }

        return new FraudScores(workerP, workerProbability, workerFlagged, workerReasons, workerOnset, answerP, answerProbability, answerFlagged, AnswerReasons, workerThreshold, answerThreshold);
    }

    /// <summary>The Sellke–Bayarri–Berger lower bound on the Bayes factor for the null that a p-value can carry.</summary>
    /// <param name="p">A p-value in [0, 1].</param>
    /// <returns>−e · p · ln p for p &lt; 1/e; 1 otherwise; 0 at p = 0.</returns>
    public static double BayesFactorBound(double p) => p <= 0 ? 0 : p >= 1 / Math.E ? 1 : -Math.E * p * Math.Log(p);

    /// <summary>Storey's estimate of the share of true nulls among p-values: #{p &gt; λ} / (n (1 − λ)), capped at 1.</summary>
    /// <param name="pValues">The p-values; NaN entries are ignored.</param>
    /// <param name="lambda">The tuning point, in (0, 1).</param>
    /// <returns>The estimate in [0, 1]; 1 when there are no p-values.</returns>
    public static double NullShare(ReadOnlySpan<double> pValues, double lambda = 0.5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lambda, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(lambda, 1);
        var n = 0;
        var above = 0;
        foreach (var p in pValues)
        {
            if (!double.IsNaN(p))
            {
                n++;
                above += p > lambda ? 1 : 0;
            }
        }

        return n == 0 ? 1 : Math.Min(1, above / (n * (1 - lambda)));
    }

    private static void Combine(DetectorReport[] ran, int m, double[] combined, int[] best, Func<DetectorReport, int, double> p)
    {
        for (var i = 0; i < combined.Length; i++)
        {
            var min = 1.0;
            var which = -1;
            for (var d = 0; d < ran.Length; d++)
            {
                var value = p(ran[d], i);
                if (value < min)
                {
                    min = value;
                    which = d;
                }
            }

            combined[i] = Math.Min(1, m * min);
            best[i] = which;
        }
    }

    private static double[] Probabilities(double[] p, double minimumShare)
    {
        var fraudShare = Math.Clamp(1 - NullShare(p), minimumShare, 1 - minimumShare);
        var odds = (1 - fraudShare) / fraudShare;
        var probability = new double[p.Length];
        for (var i = 0; i < p.Length; i++)
        {
            probability[i] = 1 / (1 + (odds * BayesFactorBound(p[i])));
        }

        return probability;
    }

    private static string Reasons(DetectorReport[] ran, int best, double perDetector, Func<DetectorReport, double> p, Func<DetectorReport, string?> reason)
    {
        if (best < 0)
        {
            return "";
        }

        var strong = ran.Select((r, d) => (Report: r, P: p(r), Index: d))
            .Where(x => x.P <= perDetector || x.Index == best)
            .OrderBy(x => x.P)
            .ThenBy(x => x.Index)
            .Select(x => reason(x.Report) is { Length: > 0 } text ? $"{x.Report.Detector}: {text}" : x.Report.Detector);
        return string.Join("; ", strong);
    }

    private static int Onset(DetectorReport[] ran, int worker, double perDetector)
    {
        var onset = int.MaxValue;
        foreach (var report in ran)
        {
            if (report.WorkerP[worker] <= perDetector)
            {
                var at = report.Onsets is { } onsets && onsets[worker] >= 0 ? onsets[worker] : 0;
                onset = Math.Min(onset, at);
            }
        }

        return onset == int.MaxValue ? 0 : onset;
    }
}
