using CrowdFit.Fraud.Time;

namespace CrowdFit.Tests.Fraud.Time;

public sealed class LevelFitTests
{
    /// <summary>
    /// Typical claimed times (in type scales) and their standard errors of 44 honest workers in a simulated log;
    /// the slowest two are honestly 1.83x and 1.86x slower than the median person.
    /// </summary>
    private static readonly (double Value, double Error)[] s_smallCrowd =
    [
        (-0.319, 0.028), (0.800, 0.036), (0.174, 0.047), (1.125, 0.060), (0.112, 0.021), (-0.251, 0.049),
        (0.050, 0.031), (-1.227, 0.039), (0.953, 0.033), (0.080, 0.011), (1.015, 0.036), (-0.375, 0.030),
        (0.159, 0.033), (-0.299, 0.030), (0.897, 0.041), (-0.041, 0.027), (-0.093, 0.037), (-0.870, 0.033),
        (-0.039, 0.032), (1.381, 0.031), (-0.916, 0.029), (0.142, 0.038), (-0.444, 0.070), (-0.143, 0.025),
        (0.092, 0.060), (0.982, 0.052), (0.380, 0.051), (0.025, 0.026), (-0.244, 0.052), (0.318, 0.038),
        (1.440, 0.063), (0.915, 0.077), (1.060, 0.072), (0.191, 0.069), (-0.286, 0.037), (-0.630, 0.036),
        (-0.271, 0.052), (0.244, 0.053), (1.234, 0.054), (-0.348, 0.051), (-1.827, 0.026), (0.039, 0.046),
        (1.452, 0.039), (-1.301, 0.035),
    ];

    [Fact]
    public void Fit_SmallCrowdWithSlowHonestWorkers_SlowestNotSuspicious()
    {
        var values = s_smallCrowd.Select(x => x.Value).ToArray();
        var errors = s_smallCrowd.Select(x => x.Error).ToArray();

        var fit = LevelFit.Fit(values, errors, 0.05, 8);

        // The slow half must not shrink the spread: read from the lower half it stays near the crowd's.
        Assert.InRange(fit.Spread, 0.45, 0.9);
        Assert.True(fit.Degrees < 4, $"degrees {fit.Degrees:g3}");
        var slowest = s_smallCrowd.MaxBy(x => x.Value);
        Assert.True(fit.PValue(slowest.Value, slowest.Error) > 0.01, $"slowest p {fit.PValue(slowest.Value, slowest.Error):g3}");
    }

    [Fact]
    public void Fit_LargeNormalCrowd_ValidForHonestAndFindsAFarOutlier()
    {
        var rng = new Random(21);
        var n = 2000;
        var values = new double[n + 1];
        var errors = new double[n + 1];
        for (var i = 0; i < n; i++)
        {
            errors[i] = 0.02 + (0.08 * rng.NextDouble());
            values[i] = (0.6 * Normal(rng)) + (errors[i] * Normal(rng));
        }

        // One worker whose every claim is about 5x the usual: ln 5 / 0.6 ≈ 2.7 spreads further out than
        // the slowest honest people would be on their own.
        values[n] = Math.Log(5) / 0.6 * 1.5;
        errors[n] = 0.05;

        var fit = LevelFit.Fit(values, errors, 0.05, 8);

        Assert.InRange(fit.Spread, 0.54, 0.66);
        Assert.True(fit.Degrees > 7.5, $"degrees {fit.Degrees:g3}");
        Assert.True(Enumerable.Range(0, n).Count(i => fit.PValue(values[i], errors[i]) <= 0.001) <= 2);
        Assert.True(fit.PValue(values[n], errors[n]) <= 0.001, $"outlier p {fit.PValue(values[n], errors[n]):g3}");
    }

    [Fact]
    public void Fit_Empty_GivesOne()
    {
        var fit = LevelFit.Fit([], [], 0.05, 8);

        Assert.Equal(1, fit.PValue(3, 0.1));
    }

    private static double Normal(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
