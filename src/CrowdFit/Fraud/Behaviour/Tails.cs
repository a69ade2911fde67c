using CrowdFit.Numerics;

namespace CrowdFit.Fraud.Behaviour;

/// <summary>The tail probabilities behind the behaviour detectors' p-values.</summary>
/// <remarks>Every function returns a probability in [0, 1]; arguments out of range give the limit the tail tends to.</remarks>
internal static class Tails
{
    private static readonly double s_logSqrtTwoPi = 0.5 * Math.Log(2 * Math.PI);

    /// <summary>P(Z ≥ z) for a standard normal Z; 0.5 at NaN is never returned: NaN gives 1.</summary>
    public static double NormalUpper(double z) => double.IsNaN(z) ? 1 : 0.5 * Erfc(z / Math.Sqrt(2));

    /// <summary>P(Z ≤ z) for a standard normal Z; NaN gives 1.</summary>
    public static double NormalLower(double z) => double.IsNaN(z) ? 1 : 0.5 * Erfc(-z / Math.Sqrt(2));

    /// <summary>P(|Z| ≥ |z|) for a standard normal Z; NaN gives 1.</summary>
    public static double NormalTwoSided(double z) => double.IsNaN(z) ? 1 : Math.Min(1, Erfc(Math.Abs(z) / Math.Sqrt(2)));

    /// <summary>P(T ≥ t) for T ~ Student's t with <paramref name="degrees"/> degrees of freedom; NaN gives 1.</summary>
    public static double StudentUpper(double t, double degrees)
    {
        if (double.IsNaN(t))
        {
            return 1;
        }

        var tail = 0.5 * SpecialFunctions.IncompleteBeta(degrees / 2, 0.5, degrees / (degrees + (t * t)));
        return t >= 0 ? tail : 1 - tail;
    }

    /// <summary>ln φ(z), the log density of the standard normal.</summary>
    public static double LogNormalDensity(double z) => (-0.5 * z * z) - s_logSqrtTwoPi;

    /// <summary>
    /// The complementary error function, with a relative error below 1.2e-7 everywhere (the Chebyshev fit of
    /// Press et al., Numerical Recipes, 2nd ed., §6.2), so far tails keep their digits.
    /// </summary>
    public static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + (0.5 * z));
        var poly = -1.26551223 + (t * (1.00002368 + (t * (0.37409196 + (t * (0.09678418 + (t * (-0.18628806
            + (t * (0.27886807 + (t * (-1.13520398 + (t * (1.48851587 + (t * (-0.82215223 + (t * 0.17087277)))))))))))))))));
        var tail = t * Math.Exp((-z * z) + poly);
        return x >= 0 ? tail : 2 - tail;
    }

    /// <summary>P(X ≤ k) for X ~ Binomial(n, p).</summary>
    public static double BinomialLower(int k, int n, double p)
    {
        if (k < 0)
        {
            return 0;
        }

        return k >= n ? 1 : SpecialFunctions.IncompleteBeta(n - k, k + 1, 1 - Math.Clamp(p, 0, 1));
    }

    /// <summary>P(X ≥ k) for X ~ Binomial(n, p).</summary>
    public static double BinomialUpper(int k, int n, double p)
    {
        if (k <= 0)
        {
            return 1;
        }

        return k > n ? 0 : SpecialFunctions.IncompleteBeta(k, n - k + 1, Math.Clamp(p, 0, 1));
    }

    /// <summary>P(X ≤ k) for X ~ BetaBinomial(n, a, b): a binomial whose success rate is drawn from Beta(a, b).</summary>
    public static double BetaBinomialLower(int k, int n, double a, double b)
    {
        if (k < 0)
        {
            return 0;
        }

        return k >= n ? 1 : Math.Min(1, SumBetaBinomial(0, k, n, a, b));
    }

    /// <summary>P(X ≥ k) for X ~ BetaBinomial(n, a, b), summed over the tail itself so that tiny tails keep their digits.</summary>
    public static double BetaBinomialUpper(int k, int n, double a, double b)
    {
        if (k <= 0)
        {
            return 1;
        }

        return k > n ? 0 : Math.Min(1, SumBetaBinomial(k, n, n, a, b));
    }

    /// <summary>Σ P(X = x) for x in [from, to], in log space.</summary>
    private static double SumBetaBinomial(int from, int to, int n, double a, double b)
    {
        var logNorm = LogBeta(a, b);
        var logN = SpecialFunctions.LogGamma(n + 1);
        var max = double.NegativeInfinity;
        Span<double> logs = to - from < 256 ? stackalloc double[to - from + 1] : new double[to - from + 1];
        for (var x = from; x <= to; x++)
        {
            var log = logN - SpecialFunctions.LogGamma(x + 1) - SpecialFunctions.LogGamma(n - x + 1)
                + LogBeta(x + a, n - x + b) - logNorm;
            logs[x - from] = log;
            max = Math.Max(max, log);
        }

        var sum = 0.0;
        foreach (var log in logs)
        {
            sum += Math.Exp(log - max);
        }

        return Math.Exp(max) * sum;
    }

    private static double LogBeta(double a, double b) =>
        SpecialFunctions.LogGamma(a) + SpecialFunctions.LogGamma(b) - SpecialFunctions.LogGamma(a + b);
}
