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

    /// <summary>The digamma function ψ(x), the derivative of ln Γ(x), for x &gt; 0.</summary>
    /// <returns>ψ(x); <see cref="double.NaN"/> for x ≤ 0 or NaN; absolute error below 1e-12 for x ≥ 1e-3.</returns>
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

        if (x == 0 || x == 1)
        {
            return x;
        }

        var logFront = LogGamma(a + b) - LogGamma(a) - LogGamma(b) + (a * Math.Log(x)) + (b * Math.Log(1 - x));

        // The continued fraction converges fast only on the side of the mean; use the symmetry otherwise.
        return x < (a + 1) / (a + b + 2)
            ? Math.Exp(logFront) * BetaFraction(a, b, x) / a
            : 1 - (Math.Exp(logFront) * BetaFraction(b, a, 1 - x) / b);
    }

    /// <summary>The <paramref name="p"/>-quantile of Beta(a, b), by bisection on <see cref="IncompleteBeta"/>.</summary>
    /// <returns>The quantile, accurate to about 1e-10; <see cref="double.NaN"/> when an argument is out of range.</returns>
    public static double BetaQuantile(double p, double a, double b)
    {
        if (!(p >= 0) || !(p <= 1) || !(a > 0) || !(b > 0))
        {
            return double.NaN;
        }

        double lo = 0, hi = 1;
        for (var i = 0; i < 40 && hi - lo > 1e-12; i++)
        {
            var mid = 0.5 * (lo + hi);
            if (IncompleteBeta(a, b, mid) < p)
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

    private static double BetaFraction(double a, double b, double x)
    {
        // Modified Lentz evaluation of the continued fraction for I_x(a, b).
        const double Tiny = 1e-300;
        var c = 1.0;
        var d = 1 - ((a + b) * x / (a + 1));
        d = Math.Abs(d) < Tiny ? Tiny : d;
        d = 1 / d;
        var h = d;
        for (var m = 1; m <= 300; m++)
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
