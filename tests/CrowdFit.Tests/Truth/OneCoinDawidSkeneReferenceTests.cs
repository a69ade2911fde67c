using CrowdFit.Truth;

namespace CrowdFit.Tests.Truth;

/// <summary>One-coin Dawid–Skene against Crowd-Kit 1.4.1's OneCoinDawidSkene (n_iter = 100, tol = 1e-5).</summary>
public sealed class OneCoinDawidSkeneReferenceTests
{
    // The reference is printed with 8 decimals; EM here contracts, so rounding does not grow past that.
    private const double Tolerance = 1e-7;

    [Theory]
    [InlineData("zheng_d_duck")]
    [InlineData("snow_rte")]
    [InlineData("zheng_s4_dog")]
    [InlineData("cf_amt")]
    public void Fit_PublicDataset_MatchesCrowdKit(string dataset)
    {
        var answers = ReferenceData.Answers(dataset);
        var gold = ReferenceData.Gold(dataset, answers);

        var fit = new OneCoinDawidSkene().Fit(answers);

        var difference = ReferenceData.MaxDifference(fit.Truth.Posteriors, ReferenceData.Probabilities(dataset, "OneCoinDawidSkene", answers));
        Assert.True(difference <= Tolerance, $"max |Δ posterior| = {difference}");
        ReferenceData.AssertMetaAccuracy(dataset, "OneCoinDawidSkene", fit.Truth, gold);
        Assert.Equal(ReferenceData.MetaIterations(dataset, "OneCoinDawidSkene"), fit.Truth.Iterations);
        foreach (var (worker, skill) in ReferenceData.Series(dataset, "OneCoinDawidSkene", "skills"))
        {
            Assert.Equal(skill, fit.Skills.Span[answers.FindWorker(worker)], Tolerance);
        }
    }
}
