using CrowdFit.Fraud.Behaviour;

namespace CrowdFit.Fraud.Time;

public sealed partial class TimeTheft
{
    /// <summary>
    /// The claim model of one log: per answer the ln-duration against its task type's norm, the worker's typical
    /// on that type (from its claims no other claim overlaps), the other workers on the same task, the robust z
    /// of what is left, and the overlap it is to blame for.
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

        // The worker's own pace comes from its claims that no other claim overlaps: an inflated claim usually
        // reaches over its neighbours, so it does not set the baseline it is judged against.
        var overlaps = ClaimOverlap.Find(log, valid);
        var clean = new bool[n];
        for (var a = 0; a < n; a++)
        {
            clean[a] = valid[a] && overlaps.Covered[a] <= _options.OverlapToleranceSeconds;
        }

        var own = WorkerTypicals(log, excess, types, typeCount, clean);
        var residual = TaskAdjusted(log, Subtract(excess, own), types, typeCount);
        var residualNorm = Fit(residual, types, typeCount);
        var z = new double[n];
        for (var a = 0; a < n; a++)
        {
            z[a] = (residual[a] - residualNorm.Center(types[a])) / residualNorm.Scale(types[a]);
        }

        // Two claims of one person cannot both be true where they overlap: the one further above its worker's
        // pace claims time it did not work, and so does the other when it too is well above it (a thief's
        // inflated claims often reach over one another).
        var blamed = new double[n];
        for (var i = 0; i < overlaps.Count; i++)
        {
            var (first, second) = (overlaps.First(i), overlaps.Second(i));
            if (z[first] >= z[second] || z[first] >= _options.BlameDistance)
            {
                blamed[first] += overlaps.Length(i);
            }

            if (z[second] >= z[first] || z[second] >= _options.BlameDistance)
            {
                blamed[second] += overlaps.Length(i);
            }
        }

        var overlapping = new bool[n];
        for (var a = 0; a < n; a++)
        {
            var d = submitted[a] - started[a];
            overlapping[a] = valid[a] && z[a] >= 0 && blamed[a] - _options.OverlapToleranceSeconds > _options.OverlapShare * d;
        }

        var overlapRate = OverlapRate(log, z, overlapping);
        var tail = StudentTail.For(_options.TailDegrees);
        var p = new float[n];
        for (var a = 0; a < n; a++)
        {
            p[a] = valid[a] ? (float)AnswerP(tail, z[a], overlapping[a], overlapRate) : 1f;
        }

        return new Claims(types, norm, excess, own, z, overlaps.Covered, overlapping, overlapRate, p);
    }

    /// <summary>
    /// P(S ≥ s) for an honest claim, where S = z + weight · [overlapping]: at most P(T ≥ s) + q · P(T ≥ s − weight)
    /// for T the Student t and q the honest rate of overlapping claims among those with z ≥ 0.
    /// </summary>
    private double AnswerP(StudentTail tail, double z, bool overlapping, double overlapRate)
    {
        var s = overlapping ? z + _options.OverlapWeight : z;
        var shifted = s - _options.OverlapWeight;
        var overlapTail = shifted <= 0 ? 1 : tail.Upper(shifted);
        return Math.Min(1, tail.Upper(s) + (overlapRate * overlapTail));
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
    /// Per answer, its worker's typical excess on its task type: the median over the worker's clean claims on
    /// that type, then again over those within <see cref="TimeTheftOptions.WorkerTrimDistance"/> within-worker
    /// scales of the first (so inflated claims that overlap nothing do not pull it up either). A worker with
    /// fewer than <see cref="TimeTheftOptions.MinWorkerTypeClaims"/> clean claims on the type uses its typical
    /// over all types, and 0 (the type's norm) with fewer than that in all.
    /// </summary>
    private double[] WorkerTypicals(WorkLog log, double[] excess, int[] types, int typeCount, bool[] clean)
    {
        // Everything per worker runs over the claims gathered in timeline order, so it reads memory in sequence.
        var n = excess.Length;
        var workerCount = log.Answers.WorkerCount;
        var bounds = new int[workerCount + 1];
        var order = new int[n];
        for (var w = 0; w < workerCount; w++)
        {
            var timeline = log.Timeline(w);
            timeline.CopyTo(order.AsSpan(bounds[w]));
            bounds[w + 1] = bounds[w] + timeline.Length;
        }

        var value = new double[n];
        var type = new int[n];
        for (var i = 0; i < n; i++)
        {
            var a = order[i];
            value[i] = clean[a] ? excess[a] : double.NaN;
            type[i] = types[a];
        }

        var first = WorkerTypical(bounds, value, type, typeCount, null, null);
        var deviation = Subtract(value, first);
        var spread = Fit(deviation, type, typeCount);
        var band = new double[typeCount];
        for (var k = 0; k < typeCount; k++)
        {
            band[k] = _options.WorkerTrimDistance * spread.Scale(k);
        }

        var second = WorkerTypical(bounds, value, type, typeCount, first, band);
        var third = WorkerTypical(bounds, value, type, typeCount, second, band);
        var own = new double[n];
        for (var i = 0; i < n; i++)
        {
            own[order[i]] = third[i];
        }

        return own;
    }

    /// <summary>
    /// One round of <see cref="WorkerTypicals"/> over claims in timeline order (NaN where not clean): medians of
    /// the kept claims per worker and type, by one counting sort per worker.
    /// </summary>
    private double[] WorkerTypical(int[] bounds, double[] value, int[] type, int typeCount, double[]? center, double[]? band)
    {
        var n = value.Length;
        var own = new double[n];
        var min = _options.MinWorkerTypeClaims;
        var bucketStart = new int[typeCount + 1];
        var next = new int[typeCount];
        var typical = new double[typeCount];
        var values = new double[64];
        for (var w = 0; w + 1 < bounds.Length; w++)
        {
            var (lo, hi) = (bounds[w], bounds[w + 1]);
            if (values.Length < hi - lo)
            {
                values = new double[hi - lo];
            }

            Array.Clear(bucketStart);
            var m = 0;
            for (var i = lo; i < hi; i++)
            {
                if (Kept(i, value, type, center, band))
                {
                    bucketStart[type[i] + 1]++;
                    m++;
                }
            }

            for (var k = 0; k < typeCount; k++)
            {
                bucketStart[k + 1] += bucketStart[k];
            }

            var fill = values.AsSpan(0, m);
            bucketStart.AsSpan(0, typeCount).CopyTo(next);
            for (var i = lo; i < hi; i++)
            {
                if (Kept(i, value, type, center, band))
                {
                    fill[next[type[i]]++] = value[i];
                }
            }

            // Medians per type first (selection reorders only inside each type's slice), then over all.
            for (var k = 0; k < typeCount; k++)
            {
                var count = bucketStart[k + 1] - bucketStart[k];
                typical[k] = count >= min ? Robust.Median(fill.Slice(bucketStart[k], count)) : double.NaN;
            }

            var overall = m >= min ? Robust.Median(fill) : 0;
            for (var i = lo; i < hi; i++)
            {
                own[i] = double.IsNaN(typical[type[i]]) ? overall : typical[type[i]];
            }
        }

        return own;
    }

    private static bool Kept(int i, double[] value, int[] type, double[]? center, double[]? band) =>
        !double.IsNaN(value[i]) && (center is null || Math.Abs(value[i] - center[i]) <= band![type[i]]);

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

            SortSmall(values.AsSpan(0, m), index.AsSpan(0, m));
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

    /// <summary>Sorts the keys with their items: by insertion for the few answers a task usually has, else by <see cref="MemoryExtensions.Sort{TKey, TValue}(Span{TKey}, Span{TValue})"/>.</summary>
    private static void SortSmall(Span<double> keys, Span<int> items)
    {
        if (keys.Length > 16)
        {
            keys.Sort(items);
            return;
        }

        for (var i = 1; i < keys.Length; i++)
        {
            var (key, item) = (keys[i], items[i]);
            var j = i - 1;
            while (j >= 0 && keys[j] > key)
            {
                keys[j + 1] = keys[j];
                items[j + 1] = items[j];
                j--;
            }

            keys[j + 1] = key;
            items[j + 1] = item;
        }
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
