using System.Diagnostics;

namespace CrowdFit.Simulation.Sampling;

/// <summary>
/// Continuous distributions drawn from <see cref="Xoshiro256"/>. Only <see cref="Math.Log(double)"/>,
/// <see cref="Math.Exp"/>, <see cref="Math.Pow"/> and <see cref="Math.Sqrt"/> are used, so results repeat
/// exactly wherever those do.
/// </summary>
internal static class Distributions
{
    /// <summary>A standard normal draw by Marsaglia's polar method (no trigonometric functions).</summary>
    public static double StandardNormal(ref Xoshiro256 rng)
    {
        while (true)
        {
            var u = (2 * rng.NextDouble()) - 1;
            var v = (2 * rng.NextDouble()) - 1;
            var s = (u * u) + (v * v);
            if (s is > 0 and < 1)
            {
                return u * Math.Sqrt(-2 * Math.Log(s) / s);
            }
        }
    }

    /// <summary>A log-normal draw: exp(μ + σZ) with Z standard normal.</summary>
    public static double LogNormal(ref Xoshiro256 rng, double mu, double sigma)
        => Math.Exp(mu + (sigma * StandardNormal(ref rng)));

    /// <summary>A Gamma(<paramref name="shape"/>, 1) draw.</summary>
    /// <remarks>
    /// Marsaglia &amp; Tsang (2000), "A simple method for generating gamma variables". Shapes below one use
    /// their boost: Gamma(a) = Gamma(a + 1) · U^(1/a).
    /// </remarks>
    public static double Gamma(ref Xoshiro256 rng, double shape)
    {
        Debug.Assert(shape > 0);
        if (shape < 1)
        {
            return Gamma(ref rng, shape + 1) * Math.Pow(rng.NextOpenDouble(), 1 / shape);
        }

        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = StandardNormal(ref rng);
                v = 1 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            var u = rng.NextOpenDouble();
            var x2 = x * x;

            // The squeeze accepts about 98% of draws without a logarithm.
            if (u < 1 - (0.0331 * x2 * x2) || Math.Log(u) < (0.5 * x2) + (d * (1 - v + Math.Log(v))))
            {
                return d * v;
            }
        }
    }

    /// <summary>A Beta(<paramref name="alpha"/>, <paramref name="beta"/>) draw as X / (X + Y) of two Gamma draws.</summary>
    public static double Beta(ref Xoshiro256 rng, double alpha, double beta)
    {
        var x = Gamma(ref rng, alpha);
        var y = Gamma(ref rng, beta);

        // With tiny shapes both draws can underflow; the limit puts all mass on 0 or 1.
        if (!(x + y > 0))
        {
            return rng.NextDouble() < alpha / (alpha + beta) ? 1 : 0;
        }

        return x / (x + y);
    }

    /// <summary>Fills <paramref name="weights"/> with a symmetric Dirichlet(<paramref name="concentration"/>) draw.</summary>
    public static void Dirichlet(ref Xoshiro256 rng, double concentration, Span<double> weights)
    {
        var total = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = Gamma(ref rng, concentration);
            total += weights[i];
        }

        // Tiny concentrations can underflow every gamma draw; one class then takes all the mass.
        if (!(total > 0))
        {
            weights.Clear();
            weights[rng.NextInt(weights.Length)] = 1;
            return;
        }

        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] /= total;
        }
    }
}
