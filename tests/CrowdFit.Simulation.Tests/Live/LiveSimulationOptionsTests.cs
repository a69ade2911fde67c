using CrowdFit.Simulation.Live;

namespace CrowdFit.Simulation.Tests.Live;

public sealed class LiveSimulationOptionsTests
{
    private static readonly LiveSimulationOptions s_valid = new()
    {
        Crowd = SmallCrowds.Easy(1),
        Policy = new LivePolicy { Name = "overlap3", Kind = LivePolicy.Family.FixedOverlap, Overlap = 3 },
    };

    [Fact]
    public void Problems_Defaults_AreEmpty()
    {
        Assert.Empty(s_valid.Problems());
    }

    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        Assert.Equal(5, s_valid.MaxAnswers);
        Assert.Equal(0.05, s_valid.ControlShare);
        Assert.Equal(0.4, s_valid.DemandShare);
        Assert.Equal(0.4, s_valid.Presence);
        Assert.Equal(500, s_valid.RefitEvery);
        Assert.Equal(1, s_valid.Seed);
    }

    [Fact]
    public void Problems_EveryBadSetting_IsListedOnceEach()
    {
        var options = s_valid with { MaxAnswers = 0, ControlShare = 1, DemandShare = 0, Presence = 0, RefitEvery = 0 };

        var problems = options.Problems();

        Assert.Equal(5, problems.Count);
        Assert.Contains("MaxAnswers must be at least 1 (was 0).", problems);
        Assert.Contains("ControlShare must be in [0, 1) (was 1).", problems);
        Assert.Contains("DemandShare must be in (0, 1] (was 0).", problems);
        Assert.Contains("Presence must be positive (was 0).", problems);
        Assert.Contains("RefitEvery must be at least 1 (was 0).", problems);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void Problems_ControlShareOutOfRange_NamesIt(double share)
    {
        var problems = (s_valid with { ControlShare = share }).Problems();

        Assert.StartsWith("ControlShare", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void Problems_DemandShareOutOfRange_NamesIt(double share)
    {
        var problems = (s_valid with { DemandShare = share }).Problems();

        Assert.StartsWith("DemandShare", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void Problems_PresenceNotPositive_NamesIt(double presence)
    {
        var problems = (s_valid with { Presence = presence }).Problems();

        Assert.StartsWith("Presence", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_EdgeValues_AreValid()
    {
        var options = s_valid with { MaxAnswers = 1, ControlShare = 0, DemandShare = 1, Presence = 5, RefitEvery = 1 };

        Assert.Empty(options.Problems());
    }

    [Fact]
    public void Problems_BadCrowd_IncludesTheCrowdsProblems()
    {
        var options = s_valid with { Crowd = s_valid.Crowd with { Tasks = 0 }, MaxAnswers = 0 };

        var problems = options.Problems();

        Assert.Equal(2, problems.Count);
        Assert.Contains("Tasks must be at least 1 (was 0).", problems);
        Assert.Contains("MaxAnswers must be at least 1 (was 0).", problems);
    }

    [Fact]
    public void Problems_NoCrowd_SaysSo()
    {
        var options = s_valid with { Crowd = null! };

        Assert.Equal(["Crowd must be set."], options.Problems());
    }

    [Fact]
    public void Run_InvalidOptions_ThrowsArgumentExceptionListingEveryProblem()
    {
        var options = s_valid with { MaxAnswers = 0, Presence = -1 };

        var error = Assert.Throws<ArgumentException>(() => LiveSimulation.Run(options));

        Assert.Equal("options", error.ParamName);
        Assert.Contains("MaxAnswers must be at least 1 (was 0).", error.Message, StringComparison.Ordinal);
        Assert.Contains("Presence must be positive (was -1).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_InvalidCrowd_ThrowsArgumentException()
    {
        var options = s_valid with { Crowd = s_valid.Crowd with { Labels = ["only"] } };

        var error = Assert.Throws<ArgumentException>(() => LiveSimulation.Run(options));

        Assert.Contains("Labels must hold at least two distinct labels.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NullOptions_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => LiveSimulation.Run(null!));
    }
}
