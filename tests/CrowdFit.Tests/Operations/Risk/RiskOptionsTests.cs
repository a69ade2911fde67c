using CrowdFit.Operations;

namespace CrowdFit.Tests.Operations.Risk;

public sealed class RiskOptionsTests
{
    [Fact]
    public void Problems_Default_None()
    {
        Assert.Empty(RiskOptions.Default.Problems());
        Assert.Equal(0.10, RiskOptions.Default.SpotShare);
        Assert.Equal(0.9, RiskOptions.Default.EdgeConfidence);
        Assert.Equal(ReviewMethod.EdgeCaseReview, RiskOptions.Default.Method(RiskClass.Medium));
    }

    [Fact]
    public void Problems_EveryBadSetting_ListedTogetherInPropertyOrder()
    {
        var options = new RiskOptions
        {
            SpotShare = 1.5,
            EdgeSpotShare = double.NaN,
            EdgeConfidence = 0,
            RaiseBelowAgreement = -0.1,
            RaiseAboveLowConfidenceShare = 2,
            MinTasksToInfer = 0,
        };

        var problems = options.Problems();

        Assert.Equal(
            [
                "SpotShare must be in [0, 1] (was 1.5).",
                "EdgeSpotShare must be in [0, 1] (was NaN).",
                "EdgeConfidence must be in (0, 1] (was 0).",
                "RaiseBelowAgreement must be in [0, 1] (was -0.1).",
                "RaiseAboveLowConfidenceShare must be in [0, 1] (was 2).",
                "MinTasksToInfer must be at least 1 (was 0).",
            ],
            problems);
    }

    [Fact]
    public void Problems_MethodLighterForAHigherClass_Reported()
    {
        var options = RiskOptions.Default with { HighMethod = ReviewMethod.SpotCheck };

        var problem = Assert.Single(options.Problems());

        Assert.Equal("The methods must not get lighter as the risk rises (were SpotCheck, EdgeCaseReview, SpotCheck for low, medium, high).", problem);
    }

    [Fact]
    public void Problems_UndefinedMethod_ReportedWithoutTheOrderCheck()
    {
        var options = RiskOptions.Default with { LowMethod = (ReviewMethod)9 };

        Assert.Equal(["LowMethod must be SpotCheck, EdgeCaseReview or ExpertReview (was 9)."], options.Problems());
    }

    [Fact]
    public void Problems_StricterMethodsForLowerClasses_Allowed()
    {
        var options = RiskOptions.Default with { LowMethod = ReviewMethod.EdgeCaseReview, MediumMethod = ReviewMethod.ExpertReview };

        Assert.Empty(options.Problems());
        Assert.Equal(ReviewMethod.EdgeCaseReview, options.Method(RiskClass.Low));
    }
}
