using CrowdFit.Simulation.Live;

namespace CrowdFit.Simulation.Tests.Live;

public sealed class LivePolicyTests
{
    [Theory]
    [InlineData("overlap3", 3)]
    [InlineData("overlap5", 5)]
    [InlineData("overlap1", 1)]
    [InlineData("overlap12", 12)]
    [InlineData("overlap50", 50)]
    public void Parse_OverlapN_IsFixedOverlapWithNAnswers(string text, int overlap)
    {
        var policy = LivePolicy.Parse(text, 0.02, out var error);

        Assert.Null(error);
        Assert.NotNull(policy);
        Assert.Equal(text, policy.Name);
        Assert.Equal(LivePolicy.Family.FixedOverlap, policy.Kind);
        Assert.Equal(overlap, policy.Overlap);
        Assert.False(policy.BestWorker);
    }

    [Fact]
    public void Parse_Toloka_IsDynamicOverlapAtEightyPercentFromOneAnswer()
    {
        var policy = LivePolicy.Parse("toloka", 0.02, out var error);

        Assert.Null(error);
        Assert.NotNull(policy);
        Assert.Equal("toloka", policy.Name);
        Assert.Equal(LivePolicy.Family.DynamicOverlap, policy.Kind);
        Assert.Equal(0.8, policy.Threshold);
        Assert.Equal(1, policy.Overlap);
    }

    [Fact]
    public void Parse_TolokaWithThreshold_KeepsTheThresholdAndTheName()
    {
        var policy = LivePolicy.Parse("toloka:0.9", 0.02, out var error);

        Assert.Null(error);
        Assert.NotNull(policy);
        Assert.Equal("toloka:0.9", policy.Name);
        Assert.Equal(LivePolicy.Family.DynamicOverlap, policy.Kind);
        Assert.Equal(0.9, policy.Threshold);
        Assert.Equal(1, policy.Overlap);
    }

    [Fact]
    public void Parse_TolokaWithThresholdAndMinimum_StartsAtTheMinimum()
    {
        var policy = LivePolicy.Parse("toloka:0.9:2", 0.02, out var error);

        Assert.Null(error);
        Assert.NotNull(policy);
        Assert.Equal("toloka:0.9:2", policy.Name);
        Assert.Equal(LivePolicy.Family.DynamicOverlap, policy.Kind);
        Assert.Equal(0.9, policy.Threshold);
        Assert.Equal(2, policy.Overlap);
    }

    [Fact]
    public void Parse_AqlRandom_TakesTheGivenAqlAndRandomRouting()
    {
        var policy = LivePolicy.Parse("aql-random", 0.05, out var error);

        Assert.Null(error);
        Assert.NotNull(policy);
        Assert.Equal("aql-random", policy.Name);
        Assert.Equal(LivePolicy.Family.Aql, policy.Kind);
        Assert.Equal(0.05, policy.Aql);
        Assert.False(policy.BestWorker);
    }

    [Fact]
    public void Parse_AqlBest_TakesTheGivenAqlAndBestWorkerRouting()
    {
        var policy = LivePolicy.Parse("aql-best", 0.02, out var error);

        Assert.Null(error);
        Assert.NotNull(policy);
        Assert.Equal("aql-best", policy.Name);
        Assert.Equal(LivePolicy.Family.Aql, policy.Kind);
        Assert.Equal(0.02, policy.Aql);
        Assert.True(policy.BestWorker);
    }

    [Fact]
    public void Parse_AqlBestWithLimit_OverridesTheGivenAqlAndKeepsTheName()
    {
        var policy = LivePolicy.Parse("aql-best:0.03", 0.02, out var error);

        Assert.Null(error);
        Assert.NotNull(policy);
        Assert.Equal("aql-best:0.03", policy.Name);
        Assert.Equal(LivePolicy.Family.Aql, policy.Kind);
        Assert.Equal(0.03, policy.Aql);
        Assert.True(policy.BestWorker);
    }

    [Theory]
    [InlineData(" Overlap3 ", "overlap3")]
    [InlineData("TOLOKA:0.9", "toloka:0.9")]
    [InlineData("AQL-Best", "aql-best")]
    [InlineData("aql-Random:0.1", "aql-random:0.1")]
    public void Parse_MixedCaseOrPadded_NameIsTrimmedLowerCase(string text, string name)
    {
        var policy = LivePolicy.Parse(text, 0.02, out var error);

        Assert.Null(error);
        Assert.NotNull(policy);
        Assert.Equal(name, policy.Name);
    }

    [Theory]
    [InlineData("overlap")]
    [InlineData("overlap0")]
    [InlineData("overlap51")]
    [InlineData("overlap-3")]
    [InlineData("overlap+3")]
    [InlineData("overlap3:2")]
    [InlineData("majority")]
    [InlineData("")]
    [InlineData("toloka:0.9:2:3")]
    [InlineData("aql-best:0.02:1")]
    [InlineData("aql")]
    public void Parse_UnknownName_ReturnsNullAndListsTheKnownPolicies(string text)
    {
        var policy = LivePolicy.Parse(text, 0.02, out var error);

        Assert.Null(policy);
        Assert.NotNull(error);
        Assert.StartsWith($"Unknown policy '{text}'.", error, StringComparison.Ordinal);
        Assert.All(LivePolicy.Known, known => Assert.Contains(known, error, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("toloka:0")]
    [InlineData("toloka:1")]
    [InlineData("toloka:1.5")]
    [InlineData("toloka:-0.5")]
    [InlineData("toloka:high")]
    [InlineData("toloka:NaN")]
    [InlineData("toloka:")]
    public void Parse_TolokaWithBadThreshold_ReturnsNullWithTheRule(string text)
    {
        var policy = LivePolicy.Parse(text, 0.02, out var error);

        Assert.Null(policy);
        Assert.NotNull(error);
        Assert.Contains($"'{text}'", error, StringComparison.Ordinal);
        Assert.Contains("confidence in (0, 1)", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("toloka:0.9:0")]
    [InlineData("toloka:0.9:-1")]
    [InlineData("toloka:0.9:two")]
    [InlineData("toloka:0.9:1.5")]
    public void Parse_TolokaWithBadMinimum_ReturnsNullWithTheRule(string text)
    {
        var policy = LivePolicy.Parse(text, 0.02, out var error);

        Assert.Null(policy);
        Assert.NotNull(error);
        Assert.Contains($"'{text}'", error, StringComparison.Ordinal);
        Assert.Contains("minimum overlap of at least 1", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("aql-best:0")]
    [InlineData("aql-best:1")]
    [InlineData("aql-random:2")]
    [InlineData("aql-random:low")]
    public void Parse_AqlWithBadLimit_ReturnsNullWithTheRule(string text)
    {
        var policy = LivePolicy.Parse(text, 0.02, out var error);

        Assert.Null(policy);
        Assert.NotNull(error);
        Assert.Contains($"'{text}'", error, StringComparison.Ordinal);
        Assert.Contains("the AQL must be in (0, 1)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EveryComparisonName_IsAPolicyNamedAsGiven()
    {
        var policies = LivePolicy.Comparison.Select(name => LivePolicy.Parse(name, 0.02, out _)).ToArray();

        Assert.All(policies, Assert.NotNull);
        Assert.Equal(LivePolicy.Comparison, policies.Select(p => p!.Name));
        Assert.Equal(
            [LivePolicy.Family.FixedOverlap, LivePolicy.Family.FixedOverlap, LivePolicy.Family.DynamicOverlap, LivePolicy.Family.Aql, LivePolicy.Family.Aql],
            policies.Select(p => p!.Kind));
    }

    [Fact]
    public void Parse_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => LivePolicy.Parse(null!, 0.02, out _));
    }
}
