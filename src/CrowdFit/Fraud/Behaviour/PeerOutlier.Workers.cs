using System.Globalization;

namespace CrowdFit.Fraud.Behaviour;

public sealed partial class PeerOutlier
{
    /// <summary>
    /// The in-task variant: per answer, its ln-duration (when timed) and its agreement against the median of the
    /// other answers of the task, in robust units of that difference over the log; 0 for tasks with fewer than
    /// three answers.
    /// </summary>
    private List<(string Column, float[] Z)> InTask(WorkLog log, BehaviourFeatures features, bool?[] decision)
    {
        List<(string, float[])> result = [];
        foreach (var name in new[] { BehaviourColumns.LogSeconds, BehaviourColumns.Agreement })
        {
            var column = features.IndexOf(name);
            if (column < 0)
            {
                continue;
            }

            var answers = log.Answers;
            var difference = new double[answers.Count];
            Array.Fill(difference, double.NaN);
            var values = new List<(double Value, int Answer)>();
            for (var t = 0; t < answers.TaskCount; t++)
            {
                values.Clear();
                for (var a = answers.TaskStart(t); a < answers.TaskStart(t + 1); a++)
                {
                    if (float.IsFinite(features[a, column]))
                    {
                        values.Add((features[a, column], a));
                    }
                }

                if (values.Count < 3)
                {
                    continue;
                }

                values.Sort();
                for (var r = 0; r < values.Count; r++)
                {
                    difference[values[r].Answer] = values[r].Value - MedianWithout(values, r);
                }
            }

            var reference = difference.Where((x, a) => double.IsFinite(x) && decision[a] != true).ToArray();
            var (_, scale) = reference.Length == 0 ? (0, double.NaN) : Spread([.. reference.Select(Math.Abs).Concat(reference.Select(x => -Math.Abs(x)))]);
            var z = new float[answers.Count];
            for (var a = 0; a < z.Length; a++)
            {
                z[a] = (float)Standard(difference[a], 0, scale, _options.ClipDistance);
            }

            result.Add((name, z));
        }

        return result;
    }

    /// <summary>The median of a sorted list without its element at rank <paramref name="skip"/>.</summary>
    private static double MedianWithout(List<(double Value, int Answer)> sorted, int skip)
    {
        var m = sorted.Count - 1;
        double At(int i) => sorted[i < skip ? i : i + 1].Value;
        return m % 2 == 1 ? At(m / 2) : 0.5 * (At((m / 2) - 1) + At(m / 2));
    }

    /// <summary>The worker-level test (see the class remarks): a p-value and a reason per worker.</summary>
    private (double[] P, string?[] Reason) Workers(
        WorkLog log,
        (string Column, Func<float, double> Transform)[] specs,
        BehaviourFeatures features,
        float[] z,
        double[] raw,
        bool?[] decision,
        List<PeerNorm> norms)
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

        var mean = new double[workers * d];
        var rawMean = new double[workers * d];
        var spread = new double[workers * d];
        var count = new int[workers];
        var reference = new bool[workers];
        for (var w = 0; w < workers; w++)
        {
            var timeline = log.Timeline(w);
            count[w] = timeline.Length;
            var confirmed = 0;
            foreach (var a in timeline)
            {
                confirmed += decision[a] == true ? 1 : 0;
            }

            reference[w] = timeline.Length >= _options.MinWorkerAnswers && 2 * confirmed < timeline.Length;
            for (var j = 0; j < d; j++)
            {
                double sum = 0, squares = 0, rawSum = 0;
                var rawCount = 0;
                foreach (var a in timeline)
                {
                    double v = z[(a * d) + j];
                    sum += v;
                    squares += v * v;
                    if (double.IsFinite(raw[(a * d) + j]))
                    {
                        rawSum += raw[(a * d) + j];
                        rawCount++;
                    }
                }

                var n = Math.Max(1, timeline.Length);
                mean[(w * d) + j] = sum / n;
                spread[(w * d) + j] = n > 1 ? Math.Sqrt(Math.Max(0, (squares - (sum * sum / n)) / (n - 1))) : double.NaN;
                rawMean[(w * d) + j] = rawCount == 0 ? double.NaN : rawSum / rawCount;
            }
        }

        var best = new double[workers];
        Array.Fill(best, 1.0);
        var bestFeature = new int[workers];
        var bestZ = new double[workers];
        for (var j = 0; j < d; j++)
        {
            var span = Span(specs[j].Column, features);
            var refs = Enumerable.Range(0, workers).Where(w => reference[w]).ToArray();
            var pooled = refs.Length == 0 ? 1 : Robust.Median([.. refs.Select(w => spread[(w * d) + j]).Where(double.IsFinite)]);
            pooled = double.IsFinite(pooled) && pooled > 0 ? pooled : 1;
            double Error(int w) => pooled * Math.Sqrt(Math.Min(span, count[w]) / (double)Math.Max(1, count[w]));
            var fit = RandomEffects.Fit(
                [.. refs.Select(w => mean[(w * d) + j])], [.. refs.Select(Error)], MinWorkerSpread, WorkerTrimLevel, Suspicious.Either);
            if (fit.Kept == 0 || !double.IsFinite(fit.Mean))
            {
                continue;
            }

            for (var w = 0; w < workers; w++)
            {
                if (count[w] == 0)
                {
                    continue;
                }

                var pj = fit.PValue(mean[(w * d) + j], Error(w), Suspicious.Either, WorkerDegrees);
                if (pj < best[w])
                {
                    best[w] = pj;
                    bestFeature[w] = j;
                    bestZ[w] = (mean[(w * d) + j] - fit.Mean) / Math.Sqrt((fit.Spread * fit.Spread) + (Error(w) * Error(w)));
                }
            }
        }

        for (var w = 0; w < workers; w++)
        {
            p[w] = Math.Min(1, d * best[w]);
            if (p[w] < 1)
            {
                var j = bestFeature[w];
                var norm = norms.First(x => x.Group == -1 && x.Feature == specs[j].Column);
                reason[w] = Describe(specs[j].Column, rawMean[(w * d) + j], norm.Location, bestZ[w]);
            }
        }

        return (p, reason);
    }

    /// <summary>How many consecutive answers one value of a feature summarises: the window of a windowed feature, 2 for streaks, else 1.</summary>
    private static int Span(string column, BehaviourFeatures features) => column switch
    {
        BehaviourColumns.LabelEntropy => features.EntropyWindow,
        BehaviourColumns.AgreementWindow => features.AgreementWindow,
        BehaviourColumns.Streak => 2,
        _ => 1,
    };

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
            _ => string.Create(CultureInfo.InvariantCulture, $"agrees with the other answers {value:0%} of the time (peers {peers:0%}; {sd})"),
        };
    }
}
