using System.Globalization;

namespace CrowdFit.Fraud.Behaviour;

public sealed partial class PeerOutlier
{
    /// <summary>Degrees of freedom of the t tail of the worker test.</summary>
    private const double WorkerDegrees = 10;

    /// <summary>Smallest between-worker spread of a feature's mean z the worker fit may report.</summary>
    private const double MinWorkerSpread = 0.05;

    /// <summary>Trim level of the worker fit.</summary>
    private const double WorkerTrimLevel = 0.01;

    /// <summary>The historical features: column, display name, transform, and how many answers a value spans.</summary>
    private static readonly (string Column, Func<float, double> Transform)[] s_historical =
    [
        (BehaviourColumns.RelativeTime, x => x),
        (BehaviourColumns.LogGap, x => x),
        (BehaviourColumns.Rate, x => Math.Log(1 + x)),
        (BehaviourColumns.Streak, x => Math.Log(x)),
        (BehaviourColumns.LabelEntropy, x => x),
        (BehaviourColumns.AgreementWindow, x => x),
    ];

    private Measurement Measure(WorkLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var n = log.Answers.Count;
        var decision = Decisions(n);
        var features = BehaviourFeatures.Compute(log, _options.Features);
        var (group, groups) = Groups(log, features);
        var specs = s_historical.Where(s => features.IndexOf(s.Column) >= 0).ToArray();
        var d = specs.Length;
        var z = new float[n * d];
        var raw = new double[n * d];
        List<PeerNorm> norms = [];
        var members = Members(group, groups);
        for (var j = 0; j < d; j++)
        {
            var column = features.IndexOf(specs[j].Column);
            var x = new double[n];
            for (var a = 0; a < n; a++)
            {
                x[a] = specs[j].Transform(features[a, column]);
                raw[(a * d) + j] = x[a];
            }

            var global = Norm(x, Enumerable.Range(0, n).ToArray(), decision, -1, specs[j].Column);
            norms.Add(global);
            var byGroup = new PeerNorm[groups];
            for (var g = 0; g < groups; g++)
            {
                byGroup[g] = members[g].Count(a => decision[a] != true) >= _options.MinGroupAnswers
                    ? Norm(x, members[g], decision, g, specs[j].Column)
                    : global with { Group = g };
                norms.Add(byGroup[g]);
            }

            for (var a = 0; a < n; a++)
            {
                var norm = byGroup[group[a]];
                z[(a * d) + j] = (float)Standard(x[a], norm.Location, norm.Scale, _options.ClipDistance);
            }
        }

        var inTask = InTask(log, features, decision);
        var statistic = new double[n];
        var strongest = new int[n];
        for (var a = 0; a < n; a++)
        {
            var best = -1;
            var max = 0.0;
            for (var j = 0; j < d; j++)
            {
                if (Math.Abs(z[(a * d) + j]) > max)
                {
                    max = Math.Abs(z[(a * d) + j]);
                    best = j;
                }
            }

            for (var j = 0; j < inTask.Count; j++)
            {
                if (Math.Abs(inTask[j].Z[a]) > max)
                {
                    max = Math.Abs(inTask[j].Z[a]);
                    best = d + j;
                }
            }

            statistic[a] = max;
            strongest[a] = best;
        }

        var answerOwnP = Conformal(statistic, members, decision);
        var (workerP, workerReason) = Workers(log, specs, features, z, raw, decision, norms);
        var answerP = new float[n];
        for (var a = 0; a < n; a++)
        {
            answerP[a] = (float)Math.Min(1, 2 * Math.Min(answerOwnP[a], workerP[log.Answers.Workers[a]]));
        }

        string? AnswerReason(int a)
        {
            var j = strongest[a];
            if (j < 0 || answerOwnP[a] >= 0.5)
            {
                return null;
            }

            return j < d
                ? string.Create(CultureInfo.InvariantCulture, $"{specs[j].Column} {z[(a * d) + j]:+0.0;-0.0} robust sd from its peers' norm (p {answerOwnP[a]:g2} among {members[group[a]].Length} peer answers)")
                : string.Create(CultureInfo.InvariantCulture, $"{inTask[j - d].Column} {inTask[j - d].Z[a]:+0.0;-0.0} robust sd from the other answers of its task (p {answerOwnP[a]:g2})");
        }

        return new Measurement(workerP, workerReason, answerP, AnswerReason, [.. norms]);
    }

    /// <summary>The peer group of every answer (a task type or the guild of its worker) and the number of groups.</summary>
    private (int[] Group, int Groups) Groups(WorkLog log, BehaviourFeatures features)
    {
        var n = log.Answers.Count;
        var group = new int[n];
        if (_options.PeerGroups == PeerGroupKind.Guild)
        {
            var guilds = Guilds.Find(log, _options.Guilds, features);
            for (var a = 0; a < n; a++)
            {
                group[a] = Math.Max(0, guilds.Guild(log.Answers.Workers[a]));
            }

            return (group, guilds.Count);
        }

        for (var a = 0; a < n; a++)
        {
            group[a] = log.TaskType(a);
        }

        return (group, log.TaskTypeCount);
    }

    private static int[][] Members(int[] group, int groups)
    {
        var lists = Enumerable.Range(0, groups).Select(_ => new List<int>()).ToArray();
        for (var a = 0; a < group.Length; a++)
        {
            lists[group[a]].Add(a);
        }

        return [.. lists.Select(l => l.ToArray())];
    }

    /// <summary>The two-pass norm of a feature over some answers (see the class remarks).</summary>
    private PeerNorm Norm(double[] x, int[] answers, bool?[] decision, int group, string feature)
    {
        var values = answers.Where(a => decision[a] != true && double.IsFinite(x[a])).Select(a => x[a]).ToArray();
        if (values.Length == 0)
        {
            return new PeerNorm(group, feature, double.NaN, double.NaN, 0);
        }

        var (location, scale) = Spread(values);
        if (scale > 0)
        {
            values = [.. answers.Where(a => decision[a] != true && double.IsFinite(x[a])
                && (decision[a] == false || Math.Abs(x[a] - location) <= _options.TrimDistance * scale)).Select(a => x[a])];
            (location, scale) = Spread(values);
        }

        return new PeerNorm(group, feature, location, scale, values.Length);
    }

    /// <summary>Median and robust scale: 1.4826·MAD, or 1.2533 · mean absolute deviation when the MAD is 0, or NaN when the values do not vary.</summary>
    private static (double Location, double Scale) Spread(double[] values)
    {
        var (location, scale) = Robust.MedianAndScale(values);
        if (!(scale > 1e-12))
        {
            var mean = values.Average(v => Math.Abs(v - location));
            scale = mean > 1e-12 ? 1.2533 * mean : double.NaN;
        }

        return (location, scale);
    }

    /// <summary>(x − location) / scale clipped to ±clip; 0 where x or the scale is unknown.</summary>
    private static double Standard(double x, double location, double scale, double clip) =>
        double.IsFinite(x) && scale > 0 ? Math.Clamp((x - location) / scale, -clip, clip) : 0;

    /// <summary>Conformal p-values of the statistics within each peer group, confirmed fraud left out of the reference.</summary>
    private static double[] Conformal(double[] statistic, int[][] members, bool?[] decision)
    {
        var p = new double[statistic.Length];
        foreach (var answers in members)
        {
            var reference = answers.Where(a => decision[a] != true).Select(a => statistic[a]).ToArray();
            Array.Sort(reference);
            foreach (var a in answers)
            {
                // Count reference statistics at least as large: everything from the first index not below it.
                var at = LowerBound(reference, statistic[a]);
                p[a] = (1.0 + reference.Length - at) / (1.0 + reference.Length);
            }
        }

        return p;
    }

    private static int LowerBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private sealed record Measurement(double[] WorkerP, string?[] WorkerReason, float[] AnswerP, Func<int, string?> AnswerReason, PeerNorm[] Norms);
}
