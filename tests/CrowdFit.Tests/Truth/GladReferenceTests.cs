using CrowdFit.Truth;

namespace CrowdFit.Tests.Truth;

/// <summary>GLAD against Crowd-Kit 1.4.1's GLAD (n_iter = 100, tol = 1e-5, other settings default).</summary>
/// <remarks>
/// The optimiser is a step-for-step port of SciPy's conjugate gradient, and with the same inputs it takes
/// the same steps (<see cref="GladTests"/> checks one EM iteration against Crowd-Kit to 1e-8). An exact
/// match over a whole run is still impossible: every Crowd-Kit M-step stops at its 25-iteration cap, far
/// from its gradient tolerance, so where it stops depends on the floating-point trajectory, and summation
/// order alone (pandas group sums versus our loops) moves it. Crowd-Kit disagrees with itself the same
/// way: run on the same answers with the rows shuffled, its posteriors move by up to 1.3e-3 on
/// zheng_d_duck, 3.1e-2 on snow_rte, 5.5e-3 on zheng_s4_dog and 3.9e-4 on cf_amt (3 seeds; 11 for
/// zheng_s4_dog). The goal of 1e-3 holds on zheng_d_duck and cf_amt; on snow_rte and zheng_s4_dog the bound
/// is 2e-2, above our measured 1.6e-2 and 1.1e-2. The mean difference (at most 3.2e-4 measured) and the
/// accuracy against gold are held tight; α and β get the looser bound of the parameters' own noise.
/// </remarks>
public sealed class GladReferenceTests
{
    [Theory]
    [InlineData("zheng_d_duck", 1e-3, 5e-3)]
    [InlineData("snow_rte", 2e-2, 5e-2)]
    [InlineData("zheng_s4_dog", 2e-2, 5e-2)]
    [InlineData("cf_amt", 1e-3, 5e-3)]
    public void Fit_PublicDataset_MatchesCrowdKitWithinTrajectoryNoise(string dataset, double tolerance, double parameterTolerance)
    {
        var answers = ReferenceData.Answers(dataset);
        var gold = ReferenceData.Gold(dataset, answers);

        var fit = new Glad().Fit(answers);

        var expected = ReferenceData.Probabilities(dataset, "GLAD", answers);
        var difference = ReferenceData.MaxDifference(fit.Truth.Posteriors, expected);
        var mean = ReferenceData.MeanDifference(fit.Truth.Posteriors, expected);
        var alphas = MaxDifference(ReferenceData.Series(dataset, "GLAD", "alphas"), answers.FindWorker, fit.Alphas.Span);
        var betas = MaxDifference(ReferenceData.Series(dataset, "GLAD", "betas"), answers.FindTask, fit.Betas.Span);
        var report = $"max |Δ posterior| {difference}, mean {mean}, max |Δα| {alphas}, max |Δβ| {betas}";
        Assert.True(difference <= tolerance, report);
        Assert.True(mean <= 5e-4, report);
        Assert.True(alphas <= parameterTolerance && betas <= parameterTolerance, report);
        ReferenceData.AssertMetaAccuracy(dataset, "GLAD", fit.Truth, gold);
    }
    private static double MaxDifference(Dictionary<string, double> expected, Func<string, int> index, ReadOnlySpan<double> actual)
    {
        var max = 0.0;
        foreach (var (id, value) in expected)
        {
            max = Math.Max(max, Math.Abs(actual[index(id)] - value));
        }

        return max;
    }
}
