using System.Globalization;
using CrowdFit.Fraud.Behaviour;

namespace CrowdFit.Fraud.Time;

public sealed partial class Pace
{
    /// <summary>The three worker tests (see the class remarks), combined, with a reason.</summary>
    private (double[] P, string?[] Reason) Workers(WorkLog log, Speeds speeds)
    {
        var answers = log.Answers;
        var workerCount = answers.WorkerCount;
        var submitted = log.Submitted;
        var longest = 0;
        for (var w = 0; w < workerCount; w++)
        {
            longest = Math.Max(longest, log.Timeline(w).Length);
        }

        var values = new double[longest];
        var speed = NaNs(workerCount);
        var speedCount = new int[workerCount];
        var regularity = NaNs(workerCount);
        var regularitySe = NaNs(workerCount);
        var burst = NaNs(workerCount);
        var burstSe = NaNs(workerCount);
        var peak = new int[workerCount];
        for (var w = 0; w < workerCount; w++)
        {
            var timeline = log.Timeline(w);
            var m = Collect(timeline, speeds.Fast, values);
            if (m >= _options.MinWorkerAnswers)
            {
                speed[w] = Robust.Median(values.AsSpan(0, m));
                speedCount[w] = m;
            }

            m = 0;
            foreach (var a in timeline)
            {
                if (!double.IsNaN(speeds.Gap[a]))
                {
                    values[m++] = Math.Log(Math.Max(speeds.Gap[a], _options.MinSeconds));
                }
            }

            if (m >= _options.MinWorkerAnswers)
            {
                var (_, scale) = Robust.MedianAndScale(values.AsSpan(0, m));
                regularity[w] = Math.Log(Math.Max(scale, _options.MinRegularity));

                // The MAD is about 37 % efficient, so ln of it varies by about 1 / (2 · 0.37 · m).
                regularitySe[w] = Math.Sqrt(1.35 / m);
            }

            peak[w] = Peak(timeline, submitted, _options.BurstWindowSeconds, out var timed);
            if (timed >= _options.MinWorkerAnswers)
            {
                burst[w] = Math.Log(peak[w]);
                burstSe[w] = 1 / Math.Sqrt(peak[w]);
            }
        }

        var speedSe = SpeedErrors(log, speeds, speed, speedCount);
        var (speedP, _) = Test(speed, speedSe, Suspicious.High);
        var (regularityP, regularityFit) = Test(regularity, regularitySe, Suspicious.Low);
        var (burstP, burstFit) = Test(burst, burstSe, Suspicious.High);
        var p = new double[workerCount];
        var reason = new string?[workerCount];
        for (var w = 0; w < workerCount; w++)
        {
            var tests = (double.IsNaN(speed[w]) ? 0 : 1) + (double.IsNaN(regularity[w]) ? 0 : 1) + (double.IsNaN(burst[w]) ? 0 : 1);
            var min = Math.Min(speedP[w], Math.Min(regularityP[w], burstP[w]));
            p[w] = tests == 0 ? 1 : Math.Min(1, tests * min);
            if (p[w] > _options.ReportLevel)
            {
                continue;
            }

            List<string> parts = [];
            if (speedP[w] <= _options.ReportLevel)
            {
                parts.Add(SpeedReason(log, speeds, w));
            }

            if (regularityP[w] <= _options.ReportLevel)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"gaps between its submissions vary by only {Math.Exp(regularity[w]):0%} (a typical worker's: {Math.Exp(regularityFit.Mean):0%})"));
            }

            if (burstP[w] <= _options.ReportLevel)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"up to {peak[w]} answers in {_options.BurstWindowSeconds:0} s (a typical worker: {Math.Exp(burstFit.Mean):0})"));
            }

            reason[w] = string.Join("; ", parts);
        }

        return (p, reason);
    }

    private static double[] NaNs(int length)
    {
        var values = new double[length];
        Array.Fill(values, double.NaN);
        return values;
    }

    private static int Collect(ReadOnlySpan<int> timeline, double[] perAnswer, double[] into)
    {
        var m = 0;
        foreach (var a in timeline)
        {
            if (!double.IsNaN(perAnswer[a]))
            {
                into[m++] = perAnswer[a];
            }
        }

        return m;
    }

    /// <summary>The most submissions of one timeline inside any window of <paramref name="window"/> seconds, by two pointers over the submit-time order.</summary>
    private static int Peak(ReadOnlySpan<int> timeline, ReadOnlySpan<double> submitted, double window, out int timed)
    {
        var best = 0;
        var first = 0;
        timed = 0;
        for (var i = 0; i < timeline.Length; i++)
        {
            var t = submitted[timeline[i]];
            if (double.IsNaN(t))
            {
                // Untimed answers sort after the timed ones.
                break;
            }

            timed++;
            while (t - submitted[timeline[first]] > window)
            {
                first++;
            }

            best = Math.Max(best, i - first + 1);
        }

        return best;
    }

    /// <summary>Standard error of each worker's median speed: 1.2533 times the pooled robust spread around the workers' medians, over √m.</summary>
    private double[] SpeedErrors(WorkLog log, Speeds speeds, double[] speed, int[] count)
    {
        var deviations = NaNs(speeds.Fast.Length);
        for (var w = 0; w < speed.Length; w++)
        {
            if (double.IsNaN(speed[w]))
            {
                continue;
            }

            foreach (var a in log.Timeline(w))
            {
                deviations[a] = speeds.Fast[a] - speed[w];
            }
        }

        var (_, pooled) = DurationNorm.Sampled(deviations);
        var within = double.IsNaN(pooled) ? 1 : Math.Max(_options.MinScale, pooled);
        var se = NaNs(speed.Length);
        for (var w = 0; w < speed.Length; w++)
        {
            if (count[w] > 0)
            {
                se[w] = 1.2533 * within / Math.Sqrt(count[w]);
            }
        }

        return se;
    }

    /// <summary>One worker test: a random-effects fit of the workers that have the statistic, and each one's p-value (1 without it).</summary>
    private (double[] P, RandomEffects Fit) Test(double[] statistic, double[] standardError, Suspicious side)
    {
        List<double> x = [], se = [];
        for (var w = 0; w < statistic.Length; w++)
        {
            if (!double.IsNaN(statistic[w]))
            {
                x.Add(statistic[w]);
                se.Add(standardError[w]);
            }
        }

        var fit = RandomEffects.Fit(x.ToArray(), se.ToArray(), _options.MinScale, _options.TrimLevel, side);
        var p = new double[statistic.Length];
        for (var w = 0; w < p.Length; w++)
        {
            p[w] = double.IsNaN(statistic[w]) ? 1 : fit.PValue(statistic[w], standardError[w], side, _options.TailDegrees);
        }

        return (p, fit);
    }

    /// <summary>"takes 1.4 s an answer, 22x faster than usual for task type 'image' (31 s)", saying which times it used.</summary>
    private static string SpeedReason(WorkLog log, Speeds speeds, int worker)
    {
        List<double> seconds = [], ratio = [];
        var typeCounts = new Dictionary<int, int>();
        foreach (var a in log.Timeline(worker))
        {
            if (!double.IsNaN(speeds.Value[a]))
            {
                seconds.Add(speeds.Value[a]);
                ratio.Add(speeds.Norm.Center(speeds.Types[a]) - speeds.Value[a]);
                typeCounts[speeds.Types[a]] = typeCounts.GetValueOrDefault(speeds.Types[a]) + 1;
            }
        }

        var type = typeCounts.OrderByDescending(x => x.Value).ThenBy(x => x.Key).First().Key;
        var typical = Math.Exp(Robust.Median(seconds.ToArray()));
        var faster = Math.Exp(Robust.Median(ratio.ToArray()));
        var usual = Math.Exp(speeds.Norm.Center(type));
        return speeds.UsesDurations
            ? string.Create(CultureInfo.InvariantCulture, $"takes {typical:0.0} s an answer, {faster:0.0}x faster than usual{TaskTypes.Phrase(log, type)} ({usual:0.0} s; from started_at and submitted_at)")
            : string.Create(CultureInfo.InvariantCulture, $"submits every {typical:0.0} s, {faster:0.0}x faster than usual{TaskTypes.Phrase(log, type)} ({usual:0.0} s; from gaps between submitted_at, as started_at is missing)");
    }

    /// <summary>"took 1.3 s; task type 'image' usually takes 31 s".</summary>
    private static string? AnswerReason(WorkLog log, Speeds speeds, int answer)
    {
        if (double.IsNaN(speeds.Value[answer]))
        {
            return null;
        }

        var type = speeds.Types[answer];
        var usual = Math.Exp(speeds.Norm.Center(type));
        var seconds = Math.Exp(speeds.Value[answer]);
        return speeds.UsesDurations
            ? string.Create(CultureInfo.InvariantCulture, $"took {seconds:0.0} s; usual{TaskTypes.Phrase(log, type)}: {usual:0.0} s")
            : string.Create(CultureInfo.InvariantCulture, $"submitted {seconds:0.0} s after the worker's previous answer; usual gap{TaskTypes.Phrase(log, type)}: {usual:0.0} s");
    }
}
