using CrowdFit.Numerics;

namespace CrowdFit.Fraud.Behaviour;

/// <summary>The tail probabilities behind the behaviour detectors' p-values.</summary>
/// <remarks>Every function returns a probability in [0, 1]; arguments out of range give the limit the tail tends to.</remarks>
internal static class Tails
{
    private static readonly double s_logSqrtTwoPi = 0.5 * Math.Log(2 * Math.PI);

    // Acklam's coefficients for the normal quantile: central region (a, b) and tails (c, d).
    private static readonly double[] s_a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
    private static readonly double[] s_b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
    private static readonly double[] s_c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
    private static readonly double[] s_d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];

    // 20-point Gauss–Legendre nodes and weights on [−1, 1].
    private static readonly double[] s_legendreNodes =
    [
        -0.9931285991850949, -0.9639719272779138, -0.9122344282513259, -0.8391169718222188, -0.7463319064601508,
        -0.6360536807265150, -0.5108670019508271, -0.3737060887154195, -0.2277858511416451, -0.0765265211334973,
        0.0765265211334973, 0.2277858511416451, 0.3737060887154195, 0.5108670019508271, 0.6360536807265150,
        0.7463319064601508, 0.8391169718222188, 0.9122344282513259, 0.9639719272779138, 0.9931285991850949,
    ];

    private static readonly double[] s_legendreWeights =
    [
        0.0176140071391521, 0.0406014298003869, 0.0626720483341091, 0.0832767415767048, 0.1019301198172404,
        0.1181945319615184, 0.1316886384491766, 0.1420961093183820, 0.1491729864726037, 0.1527533871307258,
        0.1527533871307258, 0.1491729864726037, 0.1420961093183820, 0.1316886384491766, 0.1181945319615184,
        0.1019301198172404, 0.0832767415767048, 0.0626720483341091, 0.0406014298003869, 0.0176140071391521,
    ];

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

    /// <summary>The z with P(Z ≥ z) = <paramref name="p"/> for a standard normal Z; ±∞ at 0 and 1, NaN outside [0, 1].</summary>
    /// <remarks>Acklam's rational approximation (relative error 1.2e-9), refined by one Halley step on <see cref="NormalUpper"/>.</remarks>
    public static double NormalUpperInverse(double p)
    {
        if (!(p >= 0 && p <= 1))
        {
            return double.NaN;
        }

        if (p == 0 || p == 1)
        {
            return p == 0 ? double.PositiveInfinity : double.NegativeInfinity;
        }

        // The upper quantile of p is minus the lower quantile of p and the lower quantile of 1 − p; the smaller tail keeps its digits.
        var lower = p > 0.5;
        var tail = lower ? 1 - p : p;
        double x;
        if (tail < 0.02425)
        {
            var r = Math.Sqrt(-2 * Math.Log(tail));
            x = -Horner(s_c, r) / ((Horner(s_d, r) * r) + 1);
        }
        else
        {
            var q = tail - 0.5;
            x = -Horner(s_a, q * q) * q / ((Horner(s_b, q * q) * q * q) + 1);
        }

        // x now approximates the upper quantile of the smaller tail (positive); one Halley step on P(Z ≥ x) = tail.
        var error = NormalUpper(x) - tail;
        var u = error / Math.Exp(LogNormalDensity(x));
        x += u / (1 - (0.5 * x * u));
        return lower ? -x : x;
    }

    /// <summary>
    /// P(Z₂ ≥ z, Z₁ &lt; z) for standard normals Z₁, Z₂ with correlation <paramref name="rho"/>: the chance that the
    /// second of two correlated statistics crosses z when the first has not.
    /// </summary>
    /// <remarks>
    /// ∫_z^∞ φ(x) Φ((z − ρx) / √(1 − ρ²)) dx, by 20-point Gauss–Legendre over the stretch where the integrand is
    /// not negligible. ρ at or above 1 gives 0; ρ at or below 0 gives the independent P(Z ≥ z) P(Z &lt; z).
    /// </remarks>
    public static double NormalUpperNotBefore(double z, double rho)
    {
        if (double.IsNaN(z) || double.IsNaN(rho))
        {
            return 1;
        }

        if (rho >= 1)
        {
            return 0;
        }

        if (rho <= 0)
        {
            return NormalUpper(z) * NormalLower(z);
        }

        var s = Math.Sqrt((1 - rho) * (1 + rho));

        // Past u = (z(1 − ρ) + 9s) / ρ the Φ factor is under Φ(−9); past 40 / z (z ≥ 1) the density has fallen by e^−40.
        var width = Math.Min((z * (1 - rho) + (9 * s)) / rho, Math.Max(40 / Math.Max(z, 1), 10));
        var sum = 0.0;
        for (var i = 0; i < s_legendreNodes.Length; i++)
        {
            var u = 0.5 * width * (1 + s_legendreNodes[i]);
            var x = z + u;
            sum += s_legendreWeights[i] * Math.Exp(LogNormalDensity(x)) * NormalLower((z - (rho * x)) / s);
        }

        return Math.Clamp(0.5 * width * sum, 0, NormalUpper(z));
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

    /// <summary>c₀ x^(m−1) + … + c_(m−1), by Horner's rule.</summary>
    private static double Horner(ReadOnlySpan<double> coefficients, double x)
    {
        var sum = 0.0;
        foreach (var c in coefficients)
        {
            sum = (sum * x) + c;
        }

        return sum;
    }

    private static double LogBeta(double a, double b) =>
        SpecialFunctions.LogGamma(a) + SpecialFunctions.LogGamma(b) - SpecialFunctions.LogGamma(a + b);
}
