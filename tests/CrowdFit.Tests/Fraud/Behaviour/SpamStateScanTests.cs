using CrowdFit.Fraud.Behaviour;

namespace CrowdFit.Tests.Fraud.Behaviour;

public sealed class SpamStateScanTests
{
    /// <summary>The number of detectors FraudScoring may correct for: a flag needs p × 10 ≤ 0.01.</summary>
    private const double FlagLevel = 0.001;

    [Theory]
    [InlineData(1e-12)]
    [InlineData(1e-6)]
    [InlineData(0.003)]
    [InlineData(0.05)]
    [InlineData(0.3)]
    [InlineData(0.5)]
    [InlineData(0.97)]
    public void NormalUpperInverse_RoundTrip_RecoversP(double p)
    {
        var z = Tails.NormalUpperInverse(p);

        Assert.Equal(p, Tails.NormalUpper(z), p * 1e-6);
    }

    [Fact]
    public void NormalUpperNotBefore_KnownCases_MatchClosedForms()
    {
        // At z = 0, P(Z₂ ≥ 0, Z₁ < 0) = 1/4 − arcsin(ρ) / (2π) (Sheppard 1899).
        Assert.Equal(0.25 - (Math.Asin(0.5) / (2 * Math.PI)), Tails.NormalUpperNotBefore(0, 0.5), 1e-6);
        Assert.Equal(0.25 - (Math.Asin(0.95) / (2 * Math.PI)), Tails.NormalUpperNotBefore(0, 0.95), 1e-6);
        Assert.Equal(Tails.NormalUpper(3) * Tails.NormalLower(3), Tails.NormalUpperNotBefore(3, 0), 1e-12);
        Assert.Equal(0, Tails.NormalUpperNotBefore(3, 1));
        Assert.InRange(Tails.NormalUpperNotBefore(4, 0.99), 0.05 * Tails.NormalUpper(4), 0.5 * Tails.NormalUpper(4));
    }

    [Fact]
    public void ScanP_CloseLengths_FarBelowBonferroniButNotBelowTheBest()
    {
        List<int> lengths = [.. Enumerable.Range(8, 140)];
        const double Best = 1e-6;

        var bridge = SpamState.ScanP(Best, lengths, 160, double.NaN, double.NaN);
        var population = SpamState.ScanP(Best, lengths, 160, 0.12, 0.5);

        Assert.InRange(bridge, 5 * Best, 0.5 * lengths.Count * Best);
        Assert.InRange(population, Best, bridge);
        Assert.Equal(Best, SpamState.ScanP(Best, [20], 160, 0.12, 0.5));
        Assert.Equal(1, SpamState.ScanP(0.6, lengths, 160, 0.12, 0.5));
    }

    [Fact]
    public void RunCorrelation_BetweenBridgeAndOneSample()
    {
        var bridge = Math.Sqrt(40.0 * 50 / (50 * 60));

        var withPopulation = SpamState.RunCorrelation(40, 50, 100, 0.12, 0.5);

        Assert.Equal(bridge, SpamState.RunCorrelation(40, 50, 100, double.NaN, 0.5), 1e-12);
        Assert.InRange(withPopulation, bridge, Math.Sqrt(40.0 / 50));
        Assert.Equal(Math.Sqrt(40.0 / 50), SpamState.RunCorrelation(40, 50, 100, 1e-6, 0.5), 1e-3);
    }

    [Fact]
    public void Assess_SleeperWithLongRandomRunAfterGoodStart_SmallChangePAndFinerThanTheCoarseGrid()
    {
        var crowd = TestCrowd.Build(new CrowdSpec
        {
            Tasks = 3000,
            MinAccuracy = 0.4,
            ActivitySigma = 0.2,
            Seed = 9,
            SleeperOnset = 50,
            Workers = [(CrowdRole.Honest, 100), (CrowdRole.Sleeper, 4)],
        });

        var fine = new SpamState().Assess(crowd.Log);
        var coarse = new SpamState(SpamStateOptions.Default with { SegmentGrowth = 1.25 }).Assess(crowd.Log);

        foreach (var w in crowd.WorkersOf(CrowdRole.Sleeper))
        {
            Assert.True(fine[w].ChangeP <= 0.3 * FlagLevel, $"sleeper {w}: change p {fine[w].ChangeP}");
            Assert.True(fine[w].P <= FlagLevel, $"sleeper {w}: p {fine[w].P}");
        }

        Assert.True(
            crowd.WorkersOf(CrowdRole.Sleeper).Sum(w => Math.Log(fine[w].ChangeP)) < crowd.WorkersOf(CrowdRole.Sleeper).Sum(w => Math.Log(coarse[w].ChangeP)),
            "the fine scan's evidence should be stronger overall than the coarse grid's");
    }

    [Fact]
    public void Assess_HonestWorkersOfLowSteadySkill_NoChangeFlag()
    {
        var crowd = TestCrowd.Build(new CrowdSpec { Tasks = 3000, MinAccuracy = 0.3, ActivitySigma = 0.2, Seed = 13, Workers = [(CrowdRole.Honest, 150)] });

        var findings = new SpamState().Assess(crowd.Log);

        var weak = crowd.WorkersOf(CrowdRole.Honest).Where(w => crowd.Accuracy[w] < 0.5).ToArray();
        Assert.NotEmpty(weak);
        Assert.All(weak, w => Assert.True(findings[w].ChangeP > FlagLevel && findings[w].P > FlagLevel, $"worker {w} (accuracy {crowd.Accuracy[w]:0.00}): change p {findings[w].ChangeP}, p {findings[w].P}"));
        Assert.True(findings.Count(f => f.ChangeP <= 0.01) <= 3, $"{findings.Count(f => f.ChangeP <= 0.01)} honest workers with change p ≤ 0.01");
    }
}
