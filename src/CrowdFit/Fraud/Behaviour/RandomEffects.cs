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
        if (MedianDistance(values, variances, mean, minSpread, scaled) <= HalfNormalMedian)
        {
            return minSpread;
        }

        double lo = minSpread, hi = Math.Max(2 * minSpread, 1);
        while (MedianDistance(values, variances, mean, hi, scaled) > HalfNormalMedian && hi < 1e6)
        {
            hi *= 2;
        }

        for (var i = 0; i < 60; i++)
        {
            var mid = 0.5 * (lo + hi);
            if (MedianDistance(values, variances, mean, mid, scaled) > HalfNormalMedian)
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
