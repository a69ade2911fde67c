using System.Globalization;
using System.Runtime.CompilerServices;

namespace CrowdFit.Fraud.Behaviour;

public sealed partial class PeerOutlier
{
    /// <summary>Standard errors by which a worker's agreement must clear half the typical worker's to count as clearly informative (one-sided 1 %).</summary>
    private const double InformativeZ = 2.33;

    /// <summary>Degrees of freedom of the t tail of the worker test.</summary>
    private const double WorkerDegrees = 10;

    /// <summary>Smallest between-worker spread of a feature's mean z the worker fit may report.</summary>
    private const double MinWorkerSpread = 0.05;

    /// <summary>Trim level of the worker fit.</summary>
    private const double WorkerTrimLevel = 0.01;

    /// <summary>The worker-level test (see the class remarks): a p-value and a reason per worker.</summary>
    private (double[] P, string?[] Reason) Workers(
        WorkLog log,
        string[] specs,
        BehaviourFeatures features,
        float[] z,
        double[] raw,
        sbyte[] decision,
        PeerNorm[][] norms,
        bool[] informative)
    {
        var workers = log.Answers.WorkerCount;
        var d = specs.Length;
        var p = new double[workers];
        Array.Fill(p, 1.0);
        var reason = new string?[workers];
        if (d == 0)
        {
            return (p, reason);
        }

        var agreement = Array.IndexOf(specs, BehaviourColumns.AgreementWindow);
        var (mean, spread, rawMean, count, reference) = WorkerMeans(log, d, z, raw, decision);
        var fits = new RandomEffects[d];
        var pooled = new double[d];
        var spans = new int[d];
        Parallel.For(0, d, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (j) =>
        {
            spans[j] = Span(specs[j], features);
            List<double> spreads = [];
            List<double> means = [];
            List<double> errors = [];
            foreach (var w in reference)
            {
                if (double.IsFinite(spread[(w * d) + j]))
                {
                    spreads.Add(spread[(w * d) + j]);
                }
            }

            var pool = reference.Length == 0 ? 1 : Robust.Median(spreads.ToArray());
            pooled[j] = double.IsFinite(pool) && pool > 0 ? pool : 1;
            foreach (var w in reference)
            {
                means.Add(mean[(w * d) + j]);
                errors.Add(Error(pooled[j], spans[j], count[w]));
            }

            fits[j] = RandomEffects.Fit(means.ToArray(), errors.ToArray(), MinWorkerSpread, WorkerTrimLevel, Suspicious.Either);
        });

        Parallel.For(0, workers, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (w) =>
        {
            if (count[w] == 0)
            {
                return;
            }

            // The t tail falls as |z| grows, so only features within a hair of the largest |z| can give the smallest p.
            Span<double> standard = stackalloc double[d];
            var largest = 0.0;
            for (var j = 0; j < d; j++)
            {
                var fit = fits[j];
                standard[j] = double.NaN;
                if ((j == agreement && informative[w]) || fit.Kept == 0 || !double.IsFinite(fit.Mean))
                {
                    continue;
                }

                var error = Error(pooled[j], spans[j], count[w]);
                standard[j] = (mean[(w * d) + j] - fit.Mean) / Math.Sqrt((fit.Spread * fit.Spread) + (error * error));
                largest = Math.Max(largest, Math.Abs(standard[j]));
            }

            var best = 1.0;
            var bestFeature = 0;
            for (var j = 0; j < d; j++)
            {
                if (!(Math.Abs(standard[j]) >= largest * (1 - 1e-9)))
                {
                    continue;
                }

                var pj = fits[j].PValue(mean[(w * d) + j], Error(pooled[j], spans[j], count[w]), Suspicious.Either, WorkerDegrees);
                if (pj < best)
                {
                    best = pj;
                    bestFeature = j;
                }
            }

            p[w] = Math.Min(1, (agreement >= 0 && informative[w] ? d - 1 : d) * best);
            if (p[w] < 1)
            {
                var j = bestFeature;
                reason[w] = Describe(specs[j], rawMean[(w * d) + j], norms[j][0].Location, standard[j]);
            }
        });

        return (p, reason);
    }

    /// <summary>
    /// Per worker and feature, the mean z, its standard deviation over the worker's answers and the mean of the
    /// untransformed-for-z value, summed in timeline order; the answer count; and the workers with enough answers,
    /// most of them not confirmed fraud, that form the reference.
    /// </summary>
    private (double[] Mean, double[] Spread, double[] RawMean, int[] Count, int[] Reference) WorkerMeans(WorkLog log, int d, float[] z, double[] raw, sbyte[] decision)
    {
        var workers = log.Answers.WorkerCount;
        var mean = new double[workers * d];
        var rawMean = new double[workers * d];
        var spread = new double[workers * d];
        var count = new int[workers];
        var isReference = new bool[workers];
        WorkerChunks.ForEach(log, () => new double[3 * d], [MethodImpl(MethodImplOptions.AggressiveOptimization)] (w, sums) =>
        {
            var timeline = log.Timeline(w);
            count[w] = timeline.Length;
            Array.Clear(sums);
            Span<int> rawCount = stackalloc int[d];
            var confirmed = 0;
            foreach (var a in timeline)
            {
                confirmed += decision[a] == Confirmed ? 1 : 0;
                for (var j = 0; j < d; j++)
                {
                    double v = z[(a * d) + j];
                    sums[3 * j] += v;
                    sums[(3 * j) + 1] += v * v;
                    var x = raw[(a * d) + j];
                    if (double.IsFinite(x))
                    {
                        sums[(3 * j) + 2] += x;
                        rawCount[j]++;
                    }
                }
            }

            isReference[w] = timeline.Length >= _options.MinWorkerAnswers && 2 * confirmed < timeline.Length;
            var n = Math.Max(1, timeline.Length);
            for (var j = 0; j < d; j++)
            {
                double sum = sums[3 * j], squares = sums[(3 * j) + 1];
                mean[(w * d) + j] = sum / n;
                spread[(w * d) + j] = n > 1 ? Math.Sqrt(Math.Max(0, (squares - (sum * sum / n)) / (n - 1))) : double.NaN;
                rawMean[(w * d) + j] = rawCount[j] == 0 ? double.NaN : sums[(3 * j) + 2] / rawCount[j];
            }
        });

        List<int> reference = [];
        for (var w = 0; w < workers; w++)
        {
            if (isReference[w])
            {
                reference.Add(w);
            }
        }

        return (mean, spread, rawMean, count, [.. reference]);
    }

    /// <summary>The sampling error of a worker's mean z: the pooled spread over the square root of its answers, a window counting once.</summary>
    private static double Error(double pooled, int span, int count) => pooled * Math.Sqrt(Math.Min(span, count) / (double)Math.Max(1, count));

    /// <summary>How many consecutive answers one value of a feature summarises: the window of a windowed feature, 2 for streaks, else 1.</summary>
    private static int Span(string column, BehaviourFeatures features) => column switch
    {
        BehaviourColumns.LabelEntropy => features.EntropyWindow,
        BehaviourColumns.AgreementWindow => features.AgreementWindow,
        BehaviourColumns.Streak => 2,
        _ => 1,
    };

    /// <summary>An agreement residual in percentage points, in words.</summary>
    private static string Points(double residual) => Math.Abs(residual) < 0.005 ? "as often as"
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Abs(residual) * 100:0} points {(residual < 0 ? "less" : "more")} often than");

    /// <summary>A worker's mean of a feature against its peers', in words and in the feature's own units.</summary>
    private static string Describe(string column, double value, double peers, double z)
    {
        var sd = string.Create(CultureInfo.InvariantCulture, $"{z:+0.0;-0.0} sd");
        return column switch
        {
            BehaviourColumns.RelativeTime => string.Create(CultureInfo.InvariantCulture, $"takes {Math.Exp(value):0.00}× the usual time of its task type (peers {Math.Exp(peers):0.00}×; {sd})"),
            BehaviourColumns.LogGap => string.Create(CultureInfo.InvariantCulture, $"pauses {Math.Exp(value) - 1:0} s between answers (peers {Math.Exp(peers) - 1:0} s; {sd})"),
            BehaviourColumns.Rate => string.Create(CultureInfo.InvariantCulture, $"answers {Math.Exp(value) - 1:0.0} a minute (peers {Math.Exp(peers) - 1:0.0}; {sd})"),
            BehaviourColumns.Streak => string.Create(CultureInfo.InvariantCulture, $"repeats its previous label in runs of {Math.Exp(value):0.0} (peers {Math.Exp(peers):0.0}; {sd})"),
            BehaviourColumns.LabelEntropy => string.Create(CultureInfo.InvariantCulture, $"recent label entropy {value:0.00} (peers {peers:0.00}; {sd})"),
            _ => string.Create(CultureInfo.InvariantCulture, $"agrees with the other answers {Points(value)} a typical worker would on the same tasks (peers {peers * 100:+0;-0;0} points; {sd})"),
        };
    }
}
