using System.Runtime.CompilerServices;

namespace CrowdFit.Fraud.Behaviour;

public sealed partial class PeerOutlier
{
    /// <summary>
    /// Sorts the finite transformed values whose float sources have the given keys: a two-pass radix sort of the
    /// keys, the transform applied in key order (it is monotone), and a full sort only if rounding ever broke the
    /// order. Returns the values ascending in <paramref name="sorted"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SortTransformed(Span<uint> keys, Span<uint> scratch, int[] counts, int kind, ReadOnlySpan<double> ordered, Span<double> sorted)
    {
        RadixSort(keys, scratch, counts);
        var previousKey = 0u;
        var previous = double.NaN;
        var ascending = true;
        for (var i = 0; i < keys.Length; i++)
        {
            if (i == 0 || keys[i] != previousKey)
            {
                var x = Transform(FromKey(keys[i]), kind);
                ascending &= i == 0 || x >= previous;
                previousKey = keys[i];
                previous = x;
            }

            sorted[i] = previous;
        }

        if (!ascending)
        {
            ordered.CopyTo(sorted);
            sorted.Sort();
        }
    }

    /// <summary>The transform of a historical feature: 0 none, 1 ln(1 + x), 2 ln x.</summary>
    private static double Transform(float x, int kind) => kind switch
    {
        1 => Math.Log(1 + x),
        2 => Math.Log(x),
        _ => x,
    };

    /// <summary>The median of sorted values and their median absolute deviation from it (unscaled), merging the deviations outward from the median.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (double Median, double Mad) SortedMedianMad(ReadOnlySpan<double> sorted)
    {
        var m = sorted.Length;
        var median = m % 2 == 1 ? sorted[m / 2] : (sorted[(m / 2) - 1] + sorted[m / 2]) / 2;
        var right = 0;
        while (right < m && sorted[right] < median)
        {
            right++;
        }

        var left = right - 1;
        double lower = 0, upper = 0;
        for (var rank = 0; rank <= m / 2; rank++)
        {
            double deviation;
            if (right >= m || (left >= 0 && Math.Abs(sorted[left] - median) <= Math.Abs(sorted[right] - median)))
            {
                deviation = Math.Abs(sorted[left--] - median);
            }
            else
            {
                deviation = Math.Abs(sorted[right++] - median);
            }

            lower = upper;
            upper = deviation;
        }

        return (median, m % 2 == 1 ? upper : (lower + upper) / 2);
    }

    /// <summary>An unsigned key that sorts as the float does (−0 just before +0).</summary>
    private static uint Key(float value)
    {
        var bits = BitConverter.SingleToUInt32Bits(value);
        return (bits & 0x8000_0000u) != 0 ? ~bits : bits | 0x8000_0000u;
    }

    private static float FromKey(uint key) =>
        BitConverter.UInt32BitsToSingle((key & 0x8000_0000u) != 0 ? key & 0x7FFF_FFFFu : ~key);
}
