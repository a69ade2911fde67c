namespace CrowdFit.Fraud.Behaviour;

/// <summary>Robust location and scale: medians and median absolute deviations, by selection in linear time.</summary>
/// <remarks>Every function ignores nothing: callers pass finite values only. An empty input gives NaN.</remarks>
internal static class Robust
{
    /// <summary>The factor that turns a median absolute deviation into a normal standard deviation.</summary>
    public const double MadToSigma = 1.4826;

    /// <summary>The median of <paramref name="values"/>, reordering them; NaN when empty.</summary>
    public static double Median(Span<double> values)
    {
        var n = values.Length;
        if (n == 0)
        {
            return double.NaN;
        }

        var upper = Select(values, n / 2);
        if (n % 2 == 1)
        {
            return upper;
        }

        // After selection every value left of n/2 is at most the upper middle one; the lower middle is their maximum.
        var lower = double.NegativeInfinity;
        foreach (var v in values[..(n / 2)])
        {
            lower = Math.Max(lower, v);
        }

        return (lower + upper) / 2;
    }

    /// <summary>The median absolute deviation from <paramref name="center"/> (not scaled), overwriting <paramref name="values"/>; NaN when empty.</summary>
    public static double Mad(Span<double> values, double center)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Math.Abs(values[i] - center);
        }

        return Median(values);
    }

    /// <summary>The median and the normal-consistent scale (1.4826 · MAD) of a copy of <paramref name="values"/>.</summary>
    public static (double Median, double Scale) MedianAndScale(ReadOnlySpan<double> values)
    {
        var copy = values.ToArray();
        var median = Median(copy);
        return (median, MadToSigma * Mad(copy, median));
    }

    /// <summary>The value of rank <paramref name="k"/> (zero-based) in sorted order, partially reordering the span (Hoare's selection).</summary>
    public static double Select(Span<double> values, int k)
    {
        int lo = 0, hi = values.Length - 1;
        while (hi > lo)
        {
            var mid = lo + ((hi - lo) / 2);

            // Median of three keeps sorted and reversed input linear.
            if (values[mid] < values[lo])
            {
                (values[mid], values[lo]) = (values[lo], values[mid]);
            }

            if (values[hi] < values[lo])
            {
                (values[hi], values[lo]) = (values[lo], values[hi]);
            }

            if (values[hi] < values[mid])
            {
                (values[hi], values[mid]) = (values[mid], values[hi]);
            }

            var pivot = values[mid];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                hi = j;
            }
            else if (k >= i)
            {
                lo = i;
            }
            else
            {
                return values[k];
            }
        }

        return values[k];
    }
}
