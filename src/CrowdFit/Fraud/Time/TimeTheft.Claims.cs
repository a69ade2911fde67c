using CrowdFit.Fraud.Behaviour;

namespace CrowdFit.Fraud.Time;

public sealed partial class TimeTheft
{
    /// <summary>
    /// The claim model of one log: per answer the ln-duration against its task type's norm, the worker's typical
    /// on that type, the other workers on the same task, the robust z of what is left, and the overlap.
    /// </summary>
    private Claims? Measure(WorkLog log)
    {
        var answers = log.Answers;
        var n = answers.Count;
        var started = log.Started;
        var submitted = log.Submitted;
        var types = TaskTypes.Of(log);
        var typeCount = log.TaskTypeCount;
        var x = new double[n];
        var valid = new bool[n];
        var any = false;
        for (var a = 0; a < n; a++)
        {
            var d = submitted[a] - started[a];
            valid[a] = d > 0;
            x[a] = valid[a] ? Math.Log(Math.Max(d, _options.MinSeconds)) : double.NaN;
            any |= valid[a];
        }

        if (!any)
        {
            return null;
        }

        var norm = Fit(x, types, typeCount);
        var excess = new double[n];
        for (var a = 0; a < n; a++)
        {
            excess[a] = x[a] - norm.Center(types[a]);
        }

        // The worker's typical, then again without the claims far from it, so inflated claims do not pull it up.
        var first = WorkerTypical(log, excess, types, null, null);
        var spread = Fit(Subtract(excess, first), types, typeCount);
        var band = new double[typeCount];
        for (var k = 0; k < typeCount; k++)
        {
            band[k] = _options.WorkerTrimDistance * spread.Scale(k);
        }

        var own = WorkerTypical(log, excess, types, first, band);
        var residual = TaskAdjusted(log, Subtract(excess, own), types, typeCount);
        var residualNorm = Fit(residual, types, typeCount);
        var z = new double[n];
        for (var a = 0; a < n; a++)
        {
            z[a] = (residual[a] - residualNorm.Center(types[a])) / residualNorm.Scale(types[a]);
        }

        var covered = ClaimOverlap.Covered(log, valid);
        var overlapping = new bool[n];
        for (var a = 0; a < n; a++)
        {
            var d = submitted[a] - started[a];
            overlapping[a] = valid[a] && z[a] >= 0 && covered[a] - _options.OverlapToleranceSeconds > _options.OverlapShare * d;
        }

        var overlapRate = OverlapRate(log, z, overlapping);
        var p = new float[n];
        for (var a = 0; a < n; a++)
        {
            p[a] = valid[a] ? (float)AnswerP(z[a], overlapping[a], overlapRate) : 1f;
        }

        return new Claims(types, norm, excess, own, z, covered, overlapping, overlapRate, p);
    }

    /// <summary>
    /// P(S ≥ s) for an honest claim, where S = z + weight · [overlapping]: at most P(T ≥ s) + q · P(T ≥ s − weight)
    /// for T the Student t and q the honest rate of overlapping claims among those with z ≥ 0.
    /// </summary>
    private double AnswerP(double z, bool overlapping, double overlapRate)
    {
        var s = overlapping ? z + _options.OverlapWeight : z;
        var tail = Tails.StudentUpper(s, _options.TailDegrees);
        var shifted = s - _options.OverlapWeight;
        var overlapTail = shifted <= 0 ? 1 : Tails.StudentUpper(shifted, _options.TailDegrees);
        return Math.Min(1, tail + (overlapRate * overlapTail));
    }

    /// <summary>The honest rate of overlapping claims among claims with z ≥ 0, from the workers whose counts do not stand out.</summary>
    private double OverlapRate(WorkLog log, ReadOnlySpan<double> z, ReadOnlySpan<bool> overlapping)
    {
        var workers = log.Answers.Workers;
        var counts = new int[log.Answers.WorkerCount];
        var trials = new int[counts.Length];
        double events = 0, total = 0;
        for (var a = 0; a < z.Length; a++)
        {
            if (z[a] >= 0)
            {
                trials[workers[a]]++;
                total++;
                if (overlapping[a])
                {
                    counts[workers[a]]++;
                    events++;
                }
            }
        }

        return total == 0 ? 0 : CountNull.Fit(counts, trials, (events + 1) / (total + 1), 0, _options.TrimLevel).Rate;
    }

    private DurationNorm Fit(ReadOnlySpan<double> values, ReadOnlySpan<int> types, int typeCount) =>
        DurationNorm.Fit(values, types, typeCount, _options.TrimDistance, _options.MinScale, _options.MinTypeClaims);

    private static double[] Subtract(ReadOnlySpan<double> left, ReadOnlySpan<double> right)
    {
        var result = new double[left.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = left[i] - right[i];
        }

        return result;
    }

    /// <summary>
    /// Per answer, the median excess of its worker's claims on its task type (the worker's claims on all types
    /// when there are too few on this one; 0 when there are too few in all), counting only the claims within
    /// <paramref name="band"/> of <paramref name="center"/> when they are given.
    /// </summary>
    private double[] WorkerTypical(WorkLog log, ReadOnlySpan<double> excess, ReadOnlySpan<int> types, double[]? center, double[]? band)
    {
        var answers = log.Answers;
        var own = new double[answers.Count];
        Array.Fill(own, double.NaN);
        var longest = 0;
        for (var w = 0; w < answers.WorkerCount; w++)
        {
            longest = Math.Max(longest, log.Timeline(w).Length);
        }

        var index = new int[longest];
        var key = new int[longest];
        var values = new double[longest];
        var min = _options.MinWorkerTypeClaims;
        for (var w = 0; w < answers.WorkerCount; w++)
        {
            var m = 0;
            foreach (var a in log.Timeline(w))
            {
                if (!double.IsNaN(excess[a]))
                {
                    index[m] = a;
                    key[m++] = types[a];
                }
            }

            var c = 0;
            for (var i = 0; i < m; i++)
            {
                if (Kept(index[i], excess, types, center, band))
                {
                    values[c++] = excess[index[i]];
                }
            }

            var overall = c >= min ? Robust.Median(values.AsSpan(0, c)) : 0;
            key.AsSpan(0, m).Sort(index.AsSpan(0, m));
            for (var g = 0; g < m;)
            {
                var end = g + 1;
                while (end < m && key[end] == key[g])
                {
                    end++;
                }

                c = 0;
                for (var i = g; i < end; i++)
                {
                    if (Kept(index[i], excess, types, center, band))
                    {
                        values[c++] = excess[index[i]];
                    }
                }

                var typical = c >= min ? Robust.Median(values.AsSpan(0, c)) : overall;
                for (var i = g; i < end; i++)
                {
                    own[index[i]] = typical;
                }

                g = end;
            }
        }

        return own;
    }

    private static bool Kept(int a, ReadOnlySpan<double> excess, ReadOnlySpan<int> types, double[]? center, double[]? band) =>
        center is null || band is null || Math.Abs(excess[a] - center[a]) <= band[types[a]];

    /// <summary>
    /// Takes out of each answer's deviation the task's own effect: the median deviation of the other answers of
    /// the task, shrunk towards 0 by the share of its variance that is real task-to-task variation rather than
    /// the noise of a median of few answers (a method-of-moments estimate per task type).
    /// </summary>
    private double[] TaskAdjusted(WorkLog log, double[] deviation, ReadOnlySpan<int> types, int typeCount)
    {
        var answers = log.Answers;
        var n = answers.Count;
        var others = new double[n];
        var weight = new double[n];
        Array.Fill(others, double.NaN);
        var longest = 0;
        for (var t = 0; t < answers.TaskCount; t++)
        {
            longest = Math.Max(longest, answers.TaskAnswerCount(t));
        }

        var values = new double[longest];
        var index = new int[longest];
        for (var t = 0; t < answers.TaskCount; t++)
        {
            var m = 0;
            for (var a = answers.TaskStart(t); a < answers.TaskStart(t) + answers.TaskAnswerCount(t); a++)
            {
                if (!double.IsNaN(deviation[a]))
                {
                    values[m] = deviation[a];
                    index[m++] = a;
                }
            }

            if (m < 2)
            {
                continue;
            }

            values.AsSpan(0, m).Sort(index.AsSpan(0, m));
            for (var j = 0; j < m; j++)
            {
                others[index[j]] = MedianWithout(values.AsSpan(0, m), j);
                weight[index[j]] = (m - 1 <= 2 ? 1 : m - 1 <= 5 ? 1.35 : Math.PI / 2) / (m - 1);
            }
        }

        var total = Fit(deviation, types, typeCount);
        var between = Fit(others, types, typeCount);
        var noiseFactor = new double[typeCount];
        var counted = new int[typeCount];
        for (var a = 0; a < n; a++)
        {
            if (!double.IsNaN(others[a]))
            {
                noiseFactor[types[a]] += weight[a];
                counted[types[a]]++;
            }
        }

        var taskVariance = new double[typeCount];
        var noiseVariance = new double[typeCount];
        for (var k = 0; k < typeCount; k++)
        {
            var g = counted[k] == 0 ? 1 : noiseFactor[k] / counted[k];
            var v = total.Scale(k) * total.Scale(k);
            var w = between.Scale(k) * between.Scale(k);
            taskVariance[k] = g < 0.9 ? Math.Max(0, (w - (v * g)) / (1 - g)) : 0;
            noiseVariance[k] = Math.Max(v - taskVariance[k], _options.MinScale * _options.MinScale);
        }

        var residual = new double[n];
        for (var a = 0; a < n; a++)
        {
            var k = types[a];
            var shrink = double.IsNaN(others[a]) ? 0 : taskVariance[k] / (taskVariance[k] + (noiseVariance[k] * weight[a]));
            residual[a] = shrink > 0 ? deviation[a] - (shrink * others[a]) : deviation[a];
        }

        return residual;
    }

    /// <summary>The median of sorted <paramref name="sorted"/> without its element at rank <paramref name="skip"/>.</summary>
    private static double MedianWithout(ReadOnlySpan<double> sorted, int skip)
    {
        var m = sorted.Length - 1;
        var lower = (m - 1) / 2;
        var upper = m / 2;
        var lo = sorted[lower < skip ? lower : lower + 1];
        var hi = sorted[upper < skip ? upper : upper + 1];
        return 0.5 * (lo + hi);
    }

    /// <summary>What the claim model found, per answer.</summary>
    private sealed record Claims(
        int[] Types,
        DurationNorm Norm,
        double[] Excess,
        double[] Own,
        double[] Z,
        double[] Covered,
        bool[] Overlapping,
        double OverlapRate,
        float[] AnswerP);
}
