using CrowdFit.Truth;

namespace CrowdFit.Tests.Truth;

/// <summary>Wawa against Crowd-Kit 1.4.1's Wawa on the public datasets (outputs in data/truth/crowdkit_ref).</summary>
public sealed class WawaReferenceTests
{
    // The reference posteriors are printed with 8 decimals; Wawa has no iteration to amplify rounding.
    private const double Tolerance = 1e-7;

    [Theory]
    [InlineData("zheng_d_duck")]
    [InlineData("snow_rte")]
    [InlineData("zheng_s4_dog")]
    [InlineData("cf_amt")]
    public void Infer_PublicDataset_MatchesCrowdKit(string dataset)
    {
        var answers = ReferenceData.Answers(dataset);
        var gold = ReferenceData.Gold(dataset, answers);

        var result = new Wawa().Infer(answers);

        var difference = ReferenceData.MaxDifference(result.Posteriors, ReferenceData.Probabilities(dataset, "Wawa", answers));
        Assert.True(difference <= Tolerance, $"max |Δ posterior| = {difference}");
        ReferenceData.AssertMetaAccuracy(dataset, "Wawa", result, gold);
    }
}
