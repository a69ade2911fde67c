using System.Runtime.CompilerServices;

namespace CrowdFit.Numerics;

/// <summary>Special functions needed by the Bayesian methods, written for the BCL alone.</summary>
public static class SpecialFunctions
{
    private static readonly double[] s_lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7,
    ];

    /// <summary>Most terms of the continued fraction; it needs a few times √max(a, b) near the mean.</summary>
    private const int MaxFractionTerms = 100_000;

    /// <summary>Most evaluations in <see cref="LowerQuantile"/>; bisection alone would need about 60.</summary>
    private const int MaxQuantileSteps = 200;

    /// <summary>Convergence of ln x in <see cref="LowerQuantile"/>: a relative change of x.</summary>
    private const double QuantileTolerance = 1e-14;

    /// <summary>Just below ln of the smallest positive double: the lower end of the search for ln x.</summary>
    private const double SmallestLog = -745.2;

    /// <summary>The digamma function ψ(x), the derivative of ln Γ(x), for x &gt; 0.</summary>
    /// <returns>ψ(x); <see cref="double.NaN"/> for x ≤ 0 or NaN; absolute error below 1e-12 for x ≥ 1e-3.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Digamma(double x)
    {
        if (!(x > 0))
        {
            return double.NaN;
        }

        var result = 0.0;

        // The recurrence ψ(x) = ψ(x + 1) − 1/x moves x to where the asymptotic series is accurate.
        while (x < 6)
        {
            result -= 1 / x;
            x += 1;
        }

        var f = 1 / (x * x);
        var series = f * (-1.0 / 12 + (f * (1.0 / 120 + (f * (-1.0 / 252 + (f * (1.0 / 240 + (f * (-1.0 / 132)))))))));
        return result + Math.Log(x) - (0.5 / x) + series;
    }

    /// <summary>ln Γ(x) for x &gt; 0 (Lanczos approximation, g = 7), relative error about 1e-15.</summary>
    /// <returns>ln Γ(x); <see cref="double.NaN"/> for x ≤ 0 or NaN.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double LogGamma(double x)
    {
        if (!(x > 0))
        {
            return double.NaN;
        }

        if (x < 0.5)
        {
            // Reflection keeps the approximation in its accurate range.
            return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x);
        }

        x -= 1;
        var a = s_lanczos[0];
        var t = x + 7.5;
        for (var i = 1; i < s_lanczos.Length; i++)
        {
            a += s_lanczos[i] / (x + i);
        }

        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(a);
    }

    /// <summary>The regularized incomplete beta function I_x(a, b) for a, b &gt; 0 and x in [0, 1].</summary>
    /// <returns>I_x(a, b); <see cref="double.NaN"/> when an argument is out of range.</returns>
    public static double IncompleteBeta(double a, double b, double x)
    {
        if (!(a > 0) || !(b > 0) || !(x >= 0) || !(x <= 1))
        {
            return double.NaN;
        }

        return IncompleteBeta(a, b, x, LogBeta(a, b));
    }

    /// <summary>The <paramref name="p"/>-quantile of Beta(a, b): the x in [0, 1] with I_x(a, b) = p.</summary>
    /// <returns>
    /// The quantile, with an error of about 1e-12 relative to its distance from the nearer end of [0, 1] (so
    /// tiny tail quantiles keep their digits) for shapes from 1 to 10⁵; a shape a below 1 divides the
    /// relative accuracy of a lower-tail quantile by a. 0 for p = 0 and 1 for p = 1;
    /// <see cref="double.NaN"/> when p is outside [0, 1], a or b is not a positive finite number, or any
    /// argument is NaN.
    /// </returns>
    /// <remarks>
    /// Newton's method on ln I_x(a, b) = ln p as a function of ln x, whose slope is x·f(x) / I_x with f the
    /// Beta density; quantiles above the median come from the mirror image, 1 − the (1 − p)-quantile of
    /// Beta(b, a). In the tail, where I_x behaves like x^a, the logarithms make the equation nearly linear.
    /// The start is the normal approximation of Abramowitz and Stegun (1964) 26.5.22, or a power-law tail
    /// when a or b is below 1 (Press et al., Numerical Recipes, 3rd ed., §6.14). Every evaluation narrows a
    /// bracket around the root, and a step that leaves the bracket or fails to halve the one before last
    /// bisects it instead (the rule of Numerical Recipes' <c>rtsafe</c>), so the search cannot diverge. It
    /// usually takes three to five evaluations of <see cref="IncompleteBeta(double, double, double)"/>.
    /// </remarks>
    public static double BetaQuantile(double p, double a, double b)
    {
        if (!(p >= 0) || !(p <= 1) || !(a > 0) || !(b > 0) || double.IsPositiveInfinity(a) || double.IsPositiveInfinity(b))
        {
            return double.NaN;
        }

        if (p == 0 || p == 1)
        {
            return p;
        }

        return p <= 0.5 ? LowerQuantile(p, a, b) : 1 - LowerQuantile(1 - p, b, a);
    }

    /// <summary>The quantile for p ≤ 0.5, found as u = ln x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double LowerQuantile(double p, double a, double b)
    {
        var logBeta = LogBeta(a, b);
        var target = Math.Log(p);
        var u = Math.Log(QuantileGuess(p, a, b));
        double lo = SmallestLog, hi = 0;
        double step = hi - lo, stepBefore = step;
        for (var i = 0; i < MaxQuantileSteps; i++)
        {
            var x = Math.Exp(u);
            var cdf = IncompleteBeta(a, b, x, logBeta);
            var error = Math.Log(cdf) - target;
            if (error == 0)
            {
                return x;
            }

            if (error < 0)
            {
                lo = u;
            }
            else
            {
                hi = u;
            }

            var slope = Math.Exp((a * u) + ((b - 1) * Math.Log(1 - x)) - logBeta) / cdf;
            var newton = error / slope;
            var next = u - newton;

            // The comparison is false for a NaN step too, where the density or I_x underflows.
            if (!(next > lo && next < hi) || Math.Abs(newton) > 0.5 * Math.Abs(stepBefore))
            {
                next = 0.5 * (lo + hi);
            }

            stepBefore = step;
            step = next - u;
            if (Math.Abs(step) <= QuantileTolerance)
            {
                return Math.Exp(next);
            }

            u = next;
        }

        return Math.Exp(u);
    }

    /// <summary>ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b).</summary>
    private static double LogBeta(double a, double b) => LogGamma(a) + LogGamma(b) - LogGamma(a + b);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double IncompleteBeta(double a, double b, double x, double logBeta)
    {
        if (x == 0 || x == 1)
        {
            return x;
        }

        var logFront = (a * Math.Log(x)) + (b * Math.Log(1 - x)) - logBeta;

        // The continued fraction converges fast only on the side of the mean; use the symmetry otherwise.
        return x < (a + 1) / (a + b + 2)
            ? Math.Exp(logFront) * BetaFraction(a, b, x) / a
            : 1 - (Math.Exp(logFront) * BetaFraction(b, a, 1 - x) / b);
    }

    /// <summary>A starting point for <see cref="LowerQuantile"/> (p ≤ 0.5), strictly inside (0, 1).</summary>
    private static double QuantileGuess(double p, double a, double b)
    {
        double x;
        if (a >= 1 && b >= 1)
        {
            // Abramowitz and Stegun 26.2.22 for the normal quantile y with upper tail p, then 26.5.22.
            var t = Math.Sqrt(-2 * Math.Log(p));
            var y = t - ((2.30753 + (0.27061 * t)) / (1 + (t * (0.99229 + (0.04481 * t)))));
            var lambda = ((y * y) - 3) / 6;
            var h = 2 / ((1 / ((2 * a) - 1)) + (1 / ((2 * b) - 1)));
            var w = (y * Math.Sqrt(h + lambda) / h) - (((1 / ((2 * b) - 1)) - (1 / ((2 * a) - 1))) * (lambda + (5.0 / 6) - (2 / (3 * h))));
            x = a / (a + (b * Math.Exp(2 * w)));
        }
        else
        {
            // The two tails of the density behave like x^(a−1) and (1 − x)^(b−1); invert whichever holds p.
            var lower = Math.Exp(a * Math.Log(a / (a + b))) / a;
            var upper = Math.Exp(b * Math.Log(b / (a + b))) / b;
            var total = lower + upper;
            x = p < lower / total
                ? Math.Pow(a * total * p, 1 / a)
                : 1 - Math.Pow(b * total * (1 - p), 1 / b);
        }

        return x > 0 && x < 1 ? x : 0.5;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double BetaFraction(double a, double b, double x)
    {
        // Modified Lentz evaluation of the continued fraction for I_x(a, b).
        const double Tiny = 1e-300;
        var c = 1.0;
        var d = 1 - ((a + b) * x / (a + 1));
        d = Math.Abs(d) < Tiny ? Tiny : d;
        d = 1 / d;
        var h = d;
        for (var m = 1; m <= MaxFractionTerms; m++)
        {
            var m2 = 2 * m;
            var aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 + (aa * d);
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = 1 + (aa / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 + (aa * d);
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = 1 + (aa / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < 1e-15)
            {
                break;
            }
        }

        return h;
    }
}
