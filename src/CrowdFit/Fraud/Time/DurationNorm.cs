using CrowdFit.Fraud.Behaviour;

namespace CrowdFit.Fraud.Time;

/// <summary>
/// Per task type, a robust norm of a log-time (ln of a claimed duration or of a gap): the median and the
/// normal-consistent scale 1.4826 · MAD, re-estimated once without the values more than a trim distance away,
/// so that a minority of inflated or inhuman values does not move it.
/// </summary>
/// <remarks>
/// Types with fewer than the minimum count of values use the whole log's norm. A type with more than 65,536
/// values is estimated from an even-strided sample of that size, which keeps the cost linear with a small
/// constant. A scale below the floor is raised to it (a log whose times are all equal). NaN values are ignored; with no finite value at all the
/// centre is NaN.
/// </remarks>
internal sealed class DurationNorm
{
    /// <summary>Most values a norm is estimated from; a type with more is read at an even stride (the median of 65,536 values is within about 0.005 scales of the full one).</summary>
    private const int SampleSize = 1 << 16;

    private readonly double[] _center;
    private readonly double[] _scale;

    private DurationNorm(double[] center, double[] scale)
    {
        _center = center;
        _scale = scale;
    }

    /// <summary>Median of the type's log-times (trimmed re-estimate).</summary>
    public double Center(int type) => _center[type];

    /// <summary>Normal-consistent robust scale of the type's log-times (trimmed re-estimate, floored).</summary>
    public double Scale(int type) => _scale[type];

    /// <summary>Fits the norm.</summary>
    /// <param name="values">Log-time per answer; NaN where unknown.</param>
    /// <param name="types">Task type per answer, 0 ≤ type &lt; <paramref name="typeCount"/>.</param>
    /// <param name="typeCount">Number of task types.</param>
    /// <param name="trimDistance">Values further than this many scales from the first estimate are left out of the second.</param>
    /// <param name="minScale">Smallest scale reported.</param>
    /// <param name="minCount">Fewest values a type needs for a norm of its own.</param>
    public static DurationNorm Fit(ReadOnlySpan<double> values, ReadOnlySpan<int> types, int typeCount, double trimDistance, double minScale, int minCount)
    {
        var count = new int[typeCount];
        var total = 0;
        for (var a = 0; a < values.Length; a++)
        {
            if (!double.IsNaN(values[a]))
            {
                count[types[a]]++;
                total++;
            }
        }

        // A type with more values than the sample size is read every stride-th value, in answer order.
        var stride = new int[typeCount];
        var start = new int[typeCount + 1];
        var anyShort = false;
        for (var k = 0; k < typeCount; k++)
        {
            stride[k] = (int)Math.Max(1, (count[k] + (long)SampleSize - 1) / SampleSize);
            start[k + 1] = start[k] + ((count[k] + stride[k] - 1) / stride[k]);
            anyShort |= count[k] < minCount;
        }

        var byType = new double[start[typeCount]];
        var fill = (int[])start.Clone();
        var seen = new int[typeCount];
        var allStride = Math.Max(1, (total + SampleSize - 1) / SampleSize);
        var all = anyShort ? new double[(total + allStride - 1) / allStride] : [];
        var allFill = 0;
        var allSeen = 0;
        for (var a = 0; a < values.Length; a++)
        {
            var v = values[a];
            if (double.IsNaN(v))
            {
                continue;
            }

            var k = types[a];
            if (seen[k]++ % stride[k] == 0)
            {
                byType[fill[k]++] = v;
            }

            if (anyShort && allSeen++ % allStride == 0)
            {
                all[allFill++] = v;
            }
        }

        var scratch = new double[Math.Max(byType.Length, all.Length)];
        var (allCenter, allScale) = anyShort ? Trimmed(all, scratch, trimDistance, minScale) : (double.NaN, minScale);
        var center = new double[typeCount];
        var scale = new double[typeCount];
        for (var k = 0; k < typeCount; k++)
        {
            var span = byType.AsSpan(start[k], start[k + 1] - start[k]);
            (center[k], scale[k]) = count[k] >= minCount ? Trimmed(span, scratch, trimDistance, minScale) : (allCenter, allScale);
        }

        return new DurationNorm(center, scale);
    }

    /// <summary>Median and normal-consistent scale (1.4826 · MAD) of the finite values, from an even-strided sample of at most 65,536 of them; (NaN, NaN) when there are none.</summary>
    public static (double Center, double Scale) Sampled(ReadOnlySpan<double> values)
    {
        var count = 0;
        foreach (var v in values)
        {
            count += double.IsNaN(v) ? 0 : 1;
        }

        var stride = Math.Max(1, (count + SampleSize - 1) / SampleSize);
        var sample = new double[(count + stride - 1) / stride];
        var seen = 0;
        var m = 0;
        foreach (var v in values)
        {
            if (!double.IsNaN(v) && seen++ % stride == 0)
            {
                sample[m++] = v;
            }
        }

        if (m == 0)
        {
            return (double.NaN, double.NaN);
        }

        var center = Robust.Median(sample);
        return (center, Robust.MadToSigma * Robust.Mad(sample, center));
    }

    /// <summary>Median and scale, then both again on the values within <paramref name="trimDistance"/> scales of the first median.</summary>
    private static (double Center, double Scale) Trimmed(ReadOnlySpan<double> values, double[] scratch, double trimDistance, double minScale)
    {
        if (values.IsEmpty)
        {
            return (double.NaN, minScale);
        }

        var (center, scale) = MedianAndScale(values, scratch.AsSpan(0, values.Length), minScale);
        var kept = 0;
        foreach (var v in values)
        {
            if (Math.Abs(v - center) <= trimDistance * scale)
            {
                scratch[kept++] = v;
            }
        }

        if (kept == 0)
        {
            return (center, scale);
        }

        var keptValues = scratch.AsSpan(0, kept);
        var mid = Robust.Median(keptValues);
        return (mid, Math.Max(minScale, Robust.MadToSigma * Robust.Mad(keptValues, mid)));
    }

    private static (double Center, double Scale) MedianAndScale(ReadOnlySpan<double> values, Span<double> scratch, double minScale)
    {
        values.CopyTo(scratch);
        var center = Robust.Median(scratch);
        var scale = Robust.MadToSigma * Robust.Mad(scratch, center);
        return (center, Math.Max(minScale, scale));
    }
}
