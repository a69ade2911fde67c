using CrowdFit.Fraud.Behaviour;

namespace CrowdFit.Fraud.Time;

/// <summary>
/// Per task type, a robust norm of a log-time (ln of a claimed duration or of a gap): the median and the
/// normal-consistent scale 1.4826 · MAD, re-estimated once without the values more than a trim distance away,
/// so that a minority of inflated or inhuman values does not move it.
/// </summary>
/// <remarks>
/// Types with fewer than the minimum count of values use the whole log's norm. A scale below the floor is
/// raised to it (a log whose times are all equal). NaN values are ignored; with no finite value at all the
/// centre is NaN.
/// </remarks>
internal sealed class DurationNorm
{
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
        var start = new int[typeCount + 1];
        for (var a = 0; a < values.Length; a++)
        {
            if (!double.IsNaN(values[a]))
            {
                start[types[a] + 1]++;
            }
        }

        for (var k = 0; k < typeCount; k++)
        {
            start[k + 1] += start[k];
        }

        var byType = new double[start[typeCount]];
        var fill = (int[])start.Clone();
        for (var a = 0; a < values.Length; a++)
        {
            if (!double.IsNaN(values[a]))
            {
                byType[fill[types[a]]++] = values[a];
            }
        }

        var scratch = new double[byType.Length];
        var (allCenter, allScale) = Trimmed(byType, scratch, trimDistance, minScale);
        var center = new double[typeCount];
        var scale = new double[typeCount];
        for (var k = 0; k < typeCount; k++)
        {
            var span = byType.AsSpan(start[k], start[k + 1] - start[k]);
            (center[k], scale[k]) = span.Length >= minCount ? Trimmed(span, scratch, trimDistance, minScale) : (allCenter, allScale);
        }

        return new DurationNorm(center, scale);
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

        var keptValues = scratch.AsSpan(0, kept).ToArray();
        return kept == 0 ? (center, scale) : MedianAndScale(keptValues, scratch.AsSpan(0, kept), minScale);
    }

    private static (double Center, double Scale) MedianAndScale(ReadOnlySpan<double> values, Span<double> scratch, double minScale)
    {
        values.CopyTo(scratch);
        var center = Robust.Median(scratch);
        var scale = Robust.MadToSigma * Robust.Mad(scratch, center);
        return (center, Math.Max(minScale, scale));
    }
}
