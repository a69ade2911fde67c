using CrowdFit.Numerics;

namespace CrowdFit.Tests.Numerics;

public sealed class SpecialFunctionsTests
{
    // References: mpmath 1.3 at 30–40 digits, bisecting the regularized incomplete beta function.
    [Theory]
    [InlineData(0.5, 2, 3, 0.38572756813238955)]
    [InlineData(0.025, 1, 1, 0.025)]
    [InlineData(0.975, 1, 1, 0.975)]
    [InlineData(0.025, 51, 11, 0.71911495427278503)]
    [InlineData(0.975, 51, 11, 0.90639023020565007)]
    [InlineData(0.025, 50, 10, 0.73008040818763536)]
    [InlineData(0.975, 50, 10, 0.91560984892460886)]
    [InlineData(0.975, 3.5, 1.5, 0.97152910491285319)]
    [InlineData(0.025, 313.7, 188.3, 0.58213884242360042)]
    [InlineData(0.975, 313.7, 188.3, 0.66671925576182659)]
    [InlineData(0.999, 2, 1000, 0.0091863490692298474)]
    [InlineData(0.001, 1000, 2, 0.99081365093077015)]
    [InlineData(0.025, 1, 501, 5.0533270026124585e-5)]
    [InlineData(0.975, 501, 1, 0.99994946672997388)]
    [InlineData(0.025, 1, 10000, 2.5317775934746868e-6)]
    [InlineData(0.025, 20001, 30001, 0.39571386318895183)]
    [InlineData(0.975, 30001, 20001, 0.60428613681104817)]
    [InlineData(0.025, 400001, 100001, 0.79888894210687753)]
    public void BetaQuantile_KnownValues_MatchToTenDigits(double p, double a, double b, double expected)
    {
        var x = SpecialFunctions.BetaQuantile(p, a, b);

        Assert.True(Math.Abs(x - expected) <= 1e-10 * expected, $"Beta({a}, {b}) quantile {p}: {x:R}, expected {expected:R}");
    }

    [Theory]
    [InlineData(0.1, 0.5, 0.5, 0.024471741852423217)]
    [InlineData(0.3, 0.2, 3, 0.00060698217515809528)]
    [InlineData(0.9, 3, 0.2, 0.9999975046460848)]
    [InlineData(0.5, 0.001, 0.001, 0.5)]
    [InlineData(0.01, 0.1, 5, 1.3321008721895316e-21)]
    [InlineData(0.3, 0.05, 2, 1.3141323697989834e-11)]
    [InlineData(0.025, 0.2, 3, 2.4368589329856333e-9)]
    public void BetaQuantile_ShapesBelowOne_MatchRelativeToTheQuantile(double p, double a, double b, double expected)
    {
        var x = SpecialFunctions.BetaQuantile(p, a, b);

        // Near 0, I_x grows like x^a, so a relative error ε in I_x becomes ε / a in x.
        Assert.True(Math.Abs(x - expected) <= 1e-9 * expected, $"Beta({a}, {b}) quantile {p}: {x:R}, expected {expected:R}");
    }

    [Fact]
    public void BetaQuantile_ClosedForms_Match()
    {
        for (var p = 0.01; p < 1; p += 0.07)
        {
            // Beta(1, b) has I_x = 1 − (1 − x)^b; Beta(0.5, 0.5) is the arcsine law, I_x = (2/π) asin √x.
            Assert.Equal(1 - Math.Pow(1 - p, 1.0 / 7), SpecialFunctions.BetaQuantile(p, 1, 7), 1e-12);
            Assert.Equal(Math.Pow(Math.Sin(Math.PI * p / 2), 2), SpecialFunctions.BetaQuantile(p, 0.5, 0.5), 1e-12);
        }
    }

    [Fact]
    public void BetaQuantile_InvertsIncompleteBetaAndMirrors()
    {
        double[] shapes = [0.3, 1, 1.7, 12, 250, 4000];
        // Powers of two, so that 1 − p is exact and the mirror image solves the same problem.
        double[] levels = [1.0 / (1 << 30), 1.0 / (1 << 20), 1.0 / 32, 0.25, 0.5];
        foreach (var a in shapes)
        {
            foreach (var b in shapes)
            {
                foreach (var p in levels)
                {
                    var x = SpecialFunctions.BetaQuantile(p, a, b);
                    var mirrored = SpecialFunctions.BetaQuantile(1 - p, b, a);

                    Assert.InRange(x, 0, 1);
                    Assert.True(Math.Abs(SpecialFunctions.IncompleteBeta(a, b, x) - p) <= 1e-10 * p, $"Beta({a}, {b}) quantile {p}: {x:R}");
                    Assert.Equal(x, 1 - mirrored, 1e-12);
                }
            }
        }
    }

    [Theory]
    [InlineData(0, 0.0)]
    [InlineData(1, 1.0)]
    public void BetaQuantile_EndLevels_AreTheEnds(double p, double expected)
    {
        var x = SpecialFunctions.BetaQuantile(p, 3, 4);

        Assert.Equal(expected, x);
    }

    [Theory]
    [InlineData(-0.1, 2, 3)]
    [InlineData(1.1, 2, 3)]
    [InlineData(double.NaN, 2, 3)]
    [InlineData(0.5, 0, 3)]
    [InlineData(0.5, 2, -1)]
    [InlineData(0.5, double.NaN, 3)]
    [InlineData(0.5, 2, double.PositiveInfinity)]
    public void BetaQuantile_OutOfRange_IsNaN(double p, double a, double b)
    {
        var x = SpecialFunctions.BetaQuantile(p, a, b);

        Assert.True(double.IsNaN(x));
    }

    [Fact]
    public void IncompleteBeta_KnownValues_Match()
    {
        // I_x(2, 3) = 6x² − 8x³ + 3x⁴; I_0.5(a, a) = 0.5 by symmetry.
        const double X = 0.3;

        var value = SpecialFunctions.IncompleteBeta(2, 3, X);

        Assert.Equal((6 * X * X) - (8 * X * X * X) + (3 * X * X * X * X), value, 1e-14);
        Assert.Equal(0.5, SpecialFunctions.IncompleteBeta(40_000, 40_000, 0.5), 1e-10);
        Assert.True(double.IsNaN(SpecialFunctions.IncompleteBeta(2, 3, 1.5)));
    }
}
