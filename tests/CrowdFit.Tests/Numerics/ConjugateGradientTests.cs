using CrowdFit.Numerics;

namespace CrowdFit.Tests.Numerics;

public sealed class ConjugateGradientTests
{
    [Fact]
    public void Minimise_ConvexQuadratic_ReachesMinimum()
    {
        // f(x) = Σ i·(x_i − i)², minimum at x_i = i.
        static double Quadratic(ReadOnlySpan<double> x, Span<double> g)
        {
            var f = 0.0;
            for (var i = 0; i < x.Length; i++)
            {
                var d = x[i] - i;
                f += (i + 1) * d * d;
                g[i] = 2 * (i + 1) * d;
            }

            return f;
        }

        var x = new double[5];

        new ConjugateGradient(Quadratic, x.Length).Minimise(x, 1e-10, 200);

        for (var i = 0; i < x.Length; i++)
        {
            Assert.Equal(i, x[i], 1e-8);
        }
    }

    [Fact]
    public void Minimise_Rosenbrock_ReachesMinimum()
    {
        static double Rosenbrock(ReadOnlySpan<double> x, Span<double> g)
        {
            var a = 1 - x[0];
            var b = x[1] - (x[0] * x[0]);
            g[0] = (-2 * a) - (400 * x[0] * b);
            g[1] = 200 * b;
            return (a * a) + (100 * b * b);
        }

        var x = new[] { -1.2, 1.0 };

        new ConjugateGradient(Rosenbrock, 2).Minimise(x, 1e-8, 1000);

        Assert.Equal(1.0, x[0], 1e-5);
        Assert.Equal(1.0, x[1], 1e-5);
    }

    [Fact]
    public void Minimise_IterationCap_StopsEarly()
    {
        static double Steep(ReadOnlySpan<double> x, Span<double> g)
        {
            g[0] = 4 * x[0] * x[0] * x[0];
            return x[0] * x[0] * x[0] * x[0];
        }

        var x = new[] { 3.0 };

        var iterations = new ConjugateGradient(Steep, 1).Minimise(x, 1e-12, 2);

        Assert.Equal(2, iterations);
        Assert.True(Math.Abs(x[0]) < 3);
    }
}
