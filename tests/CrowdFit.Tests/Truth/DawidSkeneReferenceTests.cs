using CrowdFit.Truth;

namespace CrowdFit.Tests.Truth;

/// <summary>
/// Dawid–Skene against Crowd-Kit 1.4.1's DawidSkene (n_iter = 100, tol = 1e-5): the same majority-vote
/// initialisation, the same objective-gain stopping rule and the same 1e-10 floor, so the posteriors agree.
/// </summary>
public sealed class DawidSkeneReferenceTests
{
    private const double Tolerance = 1e-3;

    [Theory]
    [InlineData("zheng_d_duck")]
    [InlineData("snow_rte")]
    [InlineData("zheng_s4_dog")]
    [InlineData("cf_amt")]
    public void Infer_PublicDataset_MatchesCrowdKitPosteriors(string dataset)
    {
        var answers = ReferenceData.Answers(dataset);
        var gold = ReferenceData.Gold(dataset, answers);

        var result = new DawidSkene().Infer(answers);

        var difference = ReferenceData.MaxDifference(result.Posteriors, ReferenceData.Probabilities(dataset, "DawidSkene", answers));
        Assert.True(difference <= Tolerance, $"max |Δ posterior| = {difference}");
        ReferenceData.AssertMetaAccuracy(dataset, "DawidSkene", result, gold);
        Assert.Equal(ReferenceData.MetaIterations(dataset, "DawidSkene"), result.Iterations);
    }

    [Theory]
    [InlineData("snow_rte")]
    [InlineData("zheng_s4_dog")]
    public void Infer_PublicDataset_MatchesCrowdKitClassPriors(string dataset)
    {
        var answers = ReferenceData.Answers(dataset);

        var result = new DawidSkene().Infer(answers);

        foreach (var (label, prior) in ReferenceData.Series(dataset, "DawidSkene", "priors"))
        {
            Assert.Equal(prior, result.ClassPrior[answers.FindLabel(label)], Tolerance);
        }
    }
}
