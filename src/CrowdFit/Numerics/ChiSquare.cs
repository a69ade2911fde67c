namespace CrowdFit.Numerics;

/// <summary>The chi-square upper tail (used by the drift test of the label mix).</summary>
/// <remarks>
/// P(χ²_k ≥ x) = Q(k/2, x/2), the regularized upper incomplete gamma function, by its power series below a + 1
/// and by its continued fraction (modified Lentz) above, where the tail itself is summed so that tiny p-values
/// keep their digits (Press et al., Numerical Recipes, 3rd ed., §6.2).
/// </remarks>
internal static class ChiSquare
{
    /// <summary>Most terms of the series or the continued fraction; both need about √a terms near the mean.</summary>
    private const int MaxTerms = 10_000;

    /// <summary>Relative size of the last term (or change of the fraction) at which the sum stops.</summary>
    private const double Epsilon = 1e-15;

    /// <summary>Stand-in for a zero denominator in the Lentz recurrence.</summary>
    private const double Tiny = 1e-300;

    /// <summary>P(X ≥ x) for X ~ χ² with <paramref name="degrees"/> degrees of freedom.</summary>
    /// <returns>The tail in [0, 1]; 1 for x ≤ 0, NaN x, or fewer than one degree of freedom; 0 for x = +∞.</returns>
    public static double Upper(double x, int degrees)
    {
        if (!(x > 0) || degrees < 1)
        {
            return 1;
        }

        return double.IsPositiveInfinity(x) ? 0 : UpperGamma(degrees / 2.0, x / 2);
    }

    /// <summary>Q(a, x) = Γ(a, x) / Γ(a) for a &gt; 0 and finite x &gt; 0.</summary>
    private static double UpperGamma(double a, double x)
    {
        var logScale = (a * Math.Log(x)) - x - SpecialFunctions.LogGamma(a);
        if (x < a + 1)
        {
            // P(a, x) = e^{-x} x^a / Γ(a) · Σ_n x^n / (a (a + 1) ⋯ (a + n)); Q is near 1 here, so 1 − P loses nothing.
            var term = 1 / a;
            var sum = term;
            var denominator = a;
            for (var n = 0; n < MaxTerms && Math.Abs(term) >= Math.Abs(sum) * Epsilon; n++)
            {
                denominator += 1;
                term *= x / denominator;
                sum += term;
            }

            return Math.Clamp(1 - (sum * Math.Exp(logScale)), 0, 1);
        }

        var b = x + 1 - a;
        var c = 1 / Tiny;
        var d = 1 / b;
        var fraction = d;
        for (var i = 1; i <= MaxTerms; i++)
        {
            var an = -i * (i - a);
            b += 2;
            d = (an * d) + b;
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = b + (an / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1 / d;
            var step = d * c;
            fraction *= step;
            if (Math.Abs(step - 1) < Epsilon)
            {
                break;
            }
        }

        return Math.Clamp(Math.Exp(logScale) * fraction, 0, 1);
    }
}
