using System.Numerics;
using System.Runtime.CompilerServices;

namespace CrowdFit.Fraud.Behaviour;

/// <summary>
/// A normal random-effects fit that adversaries cannot drag: each worker's statistic x is its own true value
/// (Normal(μ, τ²) across honest workers) plus sampling noise of known standard error se.
/// </summary>
/// <remarks>
/// μ is the median of x and τ the spread at which the standardised distances |x − μ| / √(τ² + se²) have
/// the median absolute value of a standard normal, 0.6745 (found by bisection; floored at the minimum
/// spread): the MAD estimate made to respect each worker's own noise. Workers in the suspicious tail with
/// probability under the trim level, given Normal(μ, τ² + se²), are then left out and the fit repeated
/// until it keeps the same workers (at most 20 rounds).
/// </remarks>
internal readonly record struct RandomEffects(double Mean, double Spread, int Kept)
{
    /// <summary>Fits the model; NaN mean and spread when <paramref name="values"/> is empty.</summary>
    /// <param name="values">Each worker's statistic.</param>
    /// <param name="standardErrors">Each worker's sampling standard error.</param>
    /// <param name="minSpread">Smallest τ reported.</param>
    /// <param name="trimLevel">Tail probability under which a worker is left out of the next round.</param>
    /// <param name="side">Which values are suspicious (the tail trimmed).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static RandomEffects Fit(ReadOnlySpan<double> values, ReadOnlySpan<double> standardErrors, double minSpread, double trimLevel, Suspicious side)
    {
        var n = values.Length;
        if (n == 0)
        {
            return new RandomEffects(double.NaN, double.NaN, 0);
        }

        var kept = new bool[n];
        Array.Fill(kept, true);
        var keptCount = n;
        var buffer = new double[n];
        var noise = new double[n];
        double mean = 0, spread = minSpread;
        for (var round = 0; round < 20 && keptCount > 0; round++)
        {
            var m = 0;
            for (var i = 0; i < n; i++)
            {
                if (kept[i])
                {
                    buffer[m] = values[i];
                    noise[m] = standardErrors[i] * standardErrors[i];
                    m++;
                }
            }

            mean = Robust.Median(buffer.AsSpan(0, m));
            spread = FitSpread(buffer.AsSpan(0, m), noise.AsSpan(0, m), mean, minSpread);
            var changed = false;
            keptCount = 0;
            for (var i = 0; i < n; i++)
            {
                var z = (values[i] - mean) / Math.Sqrt((spread * spread) + (standardErrors[i] * standardErrors[i]));
                var tail = side switch
                {
                    Suspicious.Low => Tails.NormalLower(z),
                    Suspicious.High => Tails.NormalUpper(z),
                    _ => Tails.NormalTwoSided(z),
                };
                var keep = tail >= trimLevel;
                changed |= keep != kept[i];
                kept[i] = keep;
                keptCount += keep ? 1 : 0;
            }

            if (!changed)
            {
                break;
            }
        }

        return new RandomEffects(mean, spread, keptCount);
    }

    /// <summary>The τ at which the median standardised distance is 0.6745, found by bisection; at least <paramref name="minSpread"/>.</summary>
    private static double FitSpread(ReadOnlySpan<double> values, ReadOnlySpan<double> variances, double mean, double minSpread)
    {
        const double HalfNormalMedian = 0.6745;
        var scaled = new double[values.Length];
        if (!MedianDistanceAbove(values, variances, mean, minSpread, HalfNormalMedian, scaled))
        {
            return minSpread;
        }

        double lo = minSpread, hi = Math.Max(2 * minSpread, 1);
        while (MedianDistanceAbove(values, variances, mean, hi, HalfNormalMedian, scaled) && hi < 1e6)
        {
            hi *= 2;
        }

        for (var i = 0; i < 60; i++)
        {
            var mid = 0.5 * (lo + hi);
            if (MedianDistanceAbove(values, variances, mean, mid, HalfNormalMedian, scaled))
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return 0.5 * (lo + hi);
    }

    /// <summary>
    /// Whether the median standardised distance at <paramref name="spread"/> exceeds <paramref name="threshold"/>,
    /// in one pass without selection: counting the distances at most the threshold settles it unless the two middle
    /// ranks straddle it, and then the middle values are the largest distance at most the threshold and the
    /// smallest above it. Distances that are NaN fall back to the median itself. The distances are computed
    /// several at a time; vector subtraction, division and square root round exactly as the scalar ones.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool MedianDistanceAbove(ReadOnlySpan<double> values, ReadOnlySpan<double> variances, double mean, double spread, double threshold, double[] scaled)
    {
        var n = values.Length;
        var squared = spread * spread;
        var atMost = 0;
        var largestAtMost = double.NegativeInfinity;
        var smallestAbove = double.PositiveInfinity;
        var i = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            var limit = new Vector<double>(threshold);
            var center = new Vector<double>(mean);
            var spreadSquared = new Vector<double>(squared);
            var below = Vector<long>.Zero;
            var largest = new Vector<double>(double.NegativeInfinity);
            var smallest = new Vector<double>(double.PositiveInfinity);
            for (; i <= n - Vector<double>.Count; i += Vector<double>.Count)
            {
                var distance = Vector.Abs(new Vector<double>(values[i..]) - center) / Vector.SquareRoot(spreadSquared + new Vector<double>(variances[i..]));
                var atMostLane = Vector.LessThanOrEqual(distance, limit);
                var aboveLane = Vector.GreaterThan(distance, limit);
                if ((atMostLane | aboveLane) != Vector<long>.AllBitsSet)
                {
                    return MedianDistance(values, variances, mean, spread, scaled) > threshold;
                }

                below -= atMostLane;
                largest = Vector.Max(largest, Vector.ConditionalSelect(atMostLane, distance, new Vector<double>(double.NegativeInfinity)));
                smallest = Vector.Min(smallest, Vector.ConditionalSelect(aboveLane, distance, new Vector<double>(double.PositiveInfinity)));
            }

            atMost = (int)Vector.Sum(below);
            for (var lane = 0; lane < Vector<double>.Count; lane++)
            {
                largestAtMost = Math.Max(largestAtMost, largest[lane]);
                smallestAbove = Math.Min(smallestAbove, smallest[lane]);
            }
        }

        for (; i < n; i++)
        {
            var distance = Math.Abs(values[i] - mean) / Math.Sqrt(squared + variances[i]);
            if (distance <= threshold)
            {
                atMost++;
                largestAtMost = Math.Max(largestAtMost, distance);
            }
            else if (distance > threshold)
            {
                smallestAbove = Math.Min(smallestAbove, distance);
            }
            else
            {
                return MedianDistance(values, variances, mean, spread, scaled) > threshold;
            }
        }

        var k = n / 2;
        if (n % 2 == 1 || atMost != k)
        {
            // Odd: the middle value exceeds the threshold when at most k distances do not. Even: so do both middle values when at most k − 1 do not.
            return atMost <= (n % 2 == 1 ? k : k - 1);
        }

        return (largestAtMost + smallestAbove) / 2 > threshold;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double MedianDistance(ReadOnlySpan<double> values, ReadOnlySpan<double> variances, double mean, double spread, double[] scaled)
    {
        for (var i = 0; i < values.Length; i++)
        {
            scaled[i] = Math.Abs(values[i] - mean) / Math.Sqrt((spread * spread) + variances[i]);
        }

        return Robust.Median(scaled);
    }

    /// <summary>
    /// The p-value of a worker's statistic: the tail, on the suspicious side, of its standardised distance
    /// z = (x − μ) / √(τ² + se²) under Student's t with <paramref name="degrees"/> degrees of freedom (heavier
    /// tails than the normal of the fit, for honest differences that are not quite normal).
    /// </summary>
    public double PValue(double value, double standardError, Suspicious side, double degrees)
    {
        var z = (value - Mean) / Math.Sqrt((Spread * Spread) + (standardError * standardError));
        return side switch
        {
            Suspicious.Low => Tails.StudentUpper(-z, degrees),
            Suspicious.High => Tails.StudentUpper(z, degrees),
            _ => Math.Min(1, 2 * Tails.StudentUpper(Math.Abs(z), degrees)),
        };
    }
}

/// <summary>Which side of a statistic is suspicious.</summary>
internal enum Suspicious
{
    /// <summary>Low values.</summary>
    Low,

    /// <summary>High values.</summary>
    High,

    /// <summary>Values far from the centre either way.</summary>
    Either,
}
