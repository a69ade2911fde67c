using CrowdFit.Fraud.Behaviour;

namespace CrowdFit.Fraud.Time;

/// <summary>
/// How the workers' typical claimed times spread: each worker's value is its own pace (Normal(μ, τ²) across
/// honest workers, people differ in speed) plus sampling noise of known standard error; only high values are
/// suspicious.
/// </summary>
/// <remarks>
/// <para>
/// μ is the median of all values and τ is read from the lower half only: the spread at which the distances
/// (μ − x) / √(τ² + se²) of the lower half of the workers have the median of a half-normal, 0.6745 (found by
/// bisection; floored at the minimum spread). Those who inflate their claims, and the slow honest workers the
/// test must not mistake for them, sit in the upper half, so they neither shrink τ nor are trimmed away from
/// it (an upper-tail trim re-estimated round after round cuts the slow honest workers one by one and the
/// spread with them).
/// </para>
/// <para>
/// With few workers τ itself is uncertain: the distance from the median to the lower quartile, which this
/// estimate resembles, has a relative variance of about 3.2 / n, as a scale with n / 6.4 degrees of freedom.
/// The p-value is read in Student's t with ν = 1 / (1 / ν₀ + 6.4 / n), where ν₀ is the allowance for honest
/// paces that are not quite normal: with 40 workers a worker must be about twice as far out as with thousands.
/// </para>
/// </remarks>
internal readonly record struct LevelFit(double Center, double Spread, double Degrees)
{
    /// <summary>Relative variance of the spread estimate times the number of workers (see the remarks).</summary>
    private const double SpreadNoise = 3.2;

    /// <summary>Median of the absolute value of a standard normal.</summary>
    private const double HalfNormalMedian = 0.6745;

    /// <summary>Fits the spread; NaN centre and spread when <paramref name="values"/> is empty.</summary>
    /// <param name="values">Each worker's typical claimed time.</param>
    /// <param name="standardErrors">Each worker's sampling standard error.</param>
    /// <param name="minSpread">Smallest τ reported.</param>
    /// <param name="tailDegrees">ν₀, the degrees of freedom allowed for honest paces that are not quite normal.</param>
    public static LevelFit Fit(ReadOnlySpan<double> values, ReadOnlySpan<double> standardErrors, double minSpread, double tailDegrees)
    {
        var n = values.Length;
        if (n == 0)
        {
            return new LevelFit(double.NaN, double.NaN, tailDegrees);
        }

        var order = new int[n];
        var sorted = values.ToArray();
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        sorted.AsSpan().Sort(order);
        var center = Robust.Median(values.ToArray());
        var lower = Math.Max(1, n / 2);
        var distance = new double[lower];
        var variance = new double[lower];
        for (var i = 0; i < lower; i++)
        {
            distance[i] = Math.Max(0, center - sorted[i]);
            variance[i] = standardErrors[order[i]] * standardErrors[order[i]];
        }

        var spread = FitSpread(distance, variance, minSpread);
        var degrees = 1 / ((1 / tailDegrees) + (2 * SpreadNoise / n));
        return new LevelFit(center, spread, degrees);
    }

    /// <summary>P(an honest worker's typical is at least <paramref name="value"/>) given its standard error; 1 when the fit is empty.</summary>
    public double PValue(double value, double standardError)
    {
        if (double.IsNaN(Center))
        {
            return 1;
        }

        var z = (value - Center) / Math.Sqrt((Spread * Spread) + (standardError * standardError));
        return Tails.StudentUpper(z, Degrees);
    }

    /// <summary>The τ at which the median of distance / √(τ² + variance) is 0.6745; at least <paramref name="minSpread"/>.</summary>
    private static double FitSpread(double[] distance, double[] variance, double minSpread)
    {
        var scaled = new double[distance.Length];
        if (MedianScaled(distance, variance, minSpread, scaled) <= HalfNormalMedian)
        {
            return minSpread;
        }

        double lo = minSpread, hi = Math.Max(2 * minSpread, 1);
        while (MedianScaled(distance, variance, hi, scaled) > HalfNormalMedian && hi < 1e6)
        {
            hi *= 2;
        }

        for (var i = 0; i < 60; i++)
        {
            var mid = 0.5 * (lo + hi);
            if (MedianScaled(distance, variance, mid, scaled) > HalfNormalMedian)
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

    private static double MedianScaled(double[] distance, double[] variance, double spread, double[] scaled)
    {
        for (var i = 0; i < distance.Length; i++)
        {
            scaled[i] = distance[i] / Math.Sqrt((spread * spread) + variance[i]);
        }

        return Robust.Median(scaled);
    }
}
