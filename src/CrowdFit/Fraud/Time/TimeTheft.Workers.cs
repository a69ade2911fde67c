using System.Globalization;
using CrowdFit.Fraud.Behaviour;

namespace CrowdFit.Fraud.Time;

public sealed partial class TimeTheft
{
    /// <summary>Per worker: the count test and the typical-excess test (see the class remarks), and a reason.</summary>
    private (double[] P, string?[] Reason) Workers(WorkLog log, Claims claims)
    {
        var answers = log.Answers;
        var workerCount = answers.WorkerCount;
        var counts = new int[workerCount];
        var trials = new int[workerCount];
        var typical = new double[workerCount];
        var standardError = new double[workerCount];
        Array.Fill(typical, double.NaN);
        var longest = 0;
        for (var w = 0; w < workerCount; w++)
        {
            longest = Math.Max(longest, log.Timeline(w).Length);
        }

        // Excess in type scales: first each worker's median, then the pooled robust spread around it.
        var values = new double[longest];
        var deviations = new double[answers.Count];
        Array.Fill(deviations, double.NaN);
        for (var w = 0; w < workerCount; w++)
        {
            var m = 0;
            var timeline = log.Timeline(w);
            foreach (var a in timeline)
            {
                if (!double.IsNaN(claims.Excess[a]))
                {
                    values[m++] = Scaled(claims, a);
                    counts[w] += claims.AnswerP[a] <= _options.AnswerLevel ? 1 : 0;
                }
            }

            trials[w] = m;
            if (m >= _options.MinWorkerClaims)
            {
                typical[w] = Midmean(values.AsSpan(0, m));
                foreach (var a in timeline)
                {
                    if (!double.IsNaN(claims.Excess[a]))
                    {
                        deviations[a] = Scaled(claims, a) - typical[w];
                    }
                }
            }
        }

        var (_, pooled) = DurationNorm.Sampled(deviations);
        var within = double.IsNaN(pooled) ? 1 : Math.Max(_options.MinScale, pooled);
        var tested = new List<int>();
        for (var w = 0; w < workerCount; w++)
        {
            if (!double.IsNaN(typical[w]))
            {
                standardError[w] = MidmeanNoise * within / Math.Sqrt(trials[w]);
                tested.Add(w);
            }
        }

        var fit = LevelFit.Fit(
            [.. tested.Select(w => typical[w])],
            [.. tested.Select(w => standardError[w])],
            _options.MinScale,
            _options.TailDegrees);
        var countNull = CountNull.Fit(counts, trials, _options.AnswerLevel, _options.AnswerLevel, _options.TrimLevel);
        var p = new double[workerCount];
        var reason = new string?[workerCount];
        for (var w = 0; w < workerCount; w++)
        {
            var countP = countNull.PValue(counts[w], trials[w]);
            var levelP = double.IsNaN(typical[w]) ? 1 : fit.PValue(typical[w], standardError[w]);
            p[w] = Math.Min(1, 2 * Math.Min(countP, levelP));
            if (p[w] <= _options.ReportLevel)
            {
                reason[w] = WorkerReason(log, claims, w, counts[w], trials[w], countP <= levelP);
            }
        }

        return (p, reason);
    }

    /// <summary>Standard error of a midmean of n normal values is about this many standard deviations over √n (efficiency 0.84).</summary>
    private const double MidmeanNoise = 1.09;

    /// <summary>
    /// The mean of the middle half of <paramref name="values"/> (sorted in place): as robust to a quarter of
    /// inflated claims as the median, but smooth in claims recorded to the whole second, where medians of
    /// many workers tie on a few values and the spread between workers is misread.
    /// </summary>
    private static double Midmean(Span<double> values)
    {
        values.Sort();
        var drop = values.Length / 4;
        var middle = values[drop..^drop];
        double sum = 0;
        foreach (var v in middle)
        {
            sum += v;
        }

        return sum / middle.Length;
    }

    private static double Scaled(Claims claims, int a) => claims.Excess[a] / claims.Norm.Scale(claims.Types[a]);

    /// <summary>"claimed 6.2x the usual time for task type 'image' on 14 of 40 answers; 9 claims overlap".</summary>
    private string WorkerReason(WorkLog log, Claims claims, int worker, int count, int trials, bool byCount)
    {
        var typeCounts = new Dictionary<int, int>();
        double sum = 0;
        var overlaps = 0;
        var excess = new List<double>();
        foreach (var a in log.Timeline(worker))
        {
            if (double.IsNaN(claims.Excess[a]))
            {
                continue;
            }

            overlaps += claims.Overlapping[a] ? 1 : 0;
            excess.Add(claims.Excess[a]);
            if (claims.AnswerP[a] <= _options.AnswerLevel)
            {
                sum += claims.Excess[a];
                typeCounts[claims.Types[a]] = typeCounts.GetValueOrDefault(claims.Types[a]) + 1;
            }
        }

        var overlapText = overlaps > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {overlaps} claims overlap") : string.Empty;
        if (byCount && count > 0)
        {
            var type = typeCounts.OrderByDescending(x => x.Value).ThenBy(x => x.Key).First().Key;
            return string.Create(CultureInfo.InvariantCulture, $"claimed {Math.Exp(sum / count):0.0}x the usual time{TaskTypes.Phrase(log, type)} on {count} of {trials} answers{overlapText}");
        }

        var median = Robust.Median(excess.ToArray());
        return string.Create(CultureInfo.InvariantCulture, $"claims a typical {Math.Exp(median):0.0}x the usual time of its task types on its {trials} answers{overlapText}");
    }

    /// <summary>"claimed 6.2x the usual time for task type 'image', 4.1x this worker's typical; 80% of it overlaps the worker's other claims".</summary>
    private static string? AnswerReason(WorkLog log, Claims claims, int answer)
    {
        if (double.IsNaN(claims.Excess[answer]))
        {
            return null;
        }

        var share = claims.Covered[answer] / log.Duration(answer);
        var overlap = share >= 0.05 ? string.Create(CultureInfo.InvariantCulture, $"; {share:0%} of it overlaps the worker's other claims") : string.Empty;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"claimed {Math.Exp(claims.Excess[answer]):0.0}x the usual time{TaskTypes.Phrase(log, claims.Types[answer])}, {Math.Exp(claims.Excess[answer] - claims.Own[answer]):0.0}x this worker's typical{overlap}");
    }
}
