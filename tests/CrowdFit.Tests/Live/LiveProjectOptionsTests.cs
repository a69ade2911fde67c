using CrowdFit.Live;
using CrowdFit.Quality;
using CrowdFit.Routing;

namespace CrowdFit.Tests.Live;

public sealed class LiveProjectOptionsTests
{
    [Fact]
    public void Problems_Defaults_None()
    {
        var options = new LiveProjectOptions { Labels = ["a", "b"] };

        Assert.Empty(options.Problems());
    }

    [Fact]
    public void Problems_BadSettings_AllListed()
    {
        var options = new LiveProjectOptions
        {
            Labels = ["a", "a"],
            Quality = new AqlOptions { Aql = 0 },
            RefitEvery = 0,
            RefitGrowth = double.NaN,
            CorrectPseudoCount = 0,
            WorkerPriorStrength = 0,
            GoldWeight = -1,
            TrustRisk = 2,
            Requirements = new WorkerRequirements { MinAccuracy = 2 },
            Skills = new SkillModelOptions { DefaultAccuracy = 1 },
        };

        var problems = options.Problems();

        Assert.Equal(10, problems.Count);
        foreach (var name in new[] { "Aql", "Labels", "RefitEvery", "RefitGrowth", "CorrectPseudoCount", "WorkerPriorStrength", "GoldWeight", "TrustRisk", "MinAccuracy", "DefaultAccuracy" })
        {
            Assert.Contains(problems, p => p.Contains(name, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("only")]
    [InlineData("a,")]
    [InlineData("a,b,a")]
    public void Problems_TooFewDuplicateOrBlankLabels_Listed(string labels)
    {
        var options = new LiveProjectOptions { Labels = labels.Split(',') };

        Assert.Equal(["Labels must hold at least two distinct, non-empty labels."], options.Problems());
    }

    [Fact]
    public void Constructor_BadOptions_ThrowsListingEveryProblem()
    {
        var options = new LiveProjectOptions { Labels = ["a"], RefitEvery = 0 };

        var error = Assert.Throws<ArgumentException>(() => new LiveProject(options));

        Assert.Equal("options", error.ParamName);
        Assert.Contains("Labels", error.Message, StringComparison.Ordinal);
        Assert.Contains("RefitEvery", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NullQuality_ThrowsInsteadOfFailingLater()
    {
        var options = new LiveProjectOptions { Labels = ["a", "b"], Quality = null! };

        var error = Assert.Throws<ArgumentException>(() => new LiveProject(options));

        Assert.Contains("Quality must be set.", error.Message, StringComparison.Ordinal);
    }
}
