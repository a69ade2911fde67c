using CrowdFit.Simulation.Adversarial;
using CrowdFit.Simulation.Live;

namespace CrowdFit.Simulation.Tests.Live;

public sealed class LiveSimulationTests(LiveRuns runs) : IClassFixture<LiveRuns>
{
    private static readonly string[] s_policies = ["overlap3", "overlap5", "toloka", "aql-random", "aql-best"];

    /// <summary>The result without its wall-clock measurements.</summary>
    private static LiveSimulationResult Timeless(LiveSimulationResult result) => result with { Seconds = 0, DecisionMicroseconds = 0 };

    [Theory]
    [InlineData("overlap3")]
    [InlineData("toloka:0.9:2")]
    [InlineData("aql-best")]
    public void Run_SameOptionsTwice_GivesTheSameResult(string policy)
    {
        var first = runs.Get(policy);

        var second = LiveSimulation.Run(LiveRuns.Options(policy));

        Assert.Equal(Timeless(first), Timeless(second));
    }

    [Fact]
    public void Run_OtherSeed_GivesAnotherResult()
    {
        var first = runs.Get("overlap3");

        var other = LiveSimulation.Run(LiveRuns.Options("overlap3") with { Seed = 4 });

        Assert.NotEqual(Timeless(first), Timeless(other));
        Assert.Equal(first.Labels, other.Labels);
    }

    [Theory]
    [InlineData("overlap1", 1)]
    [InlineData("overlap3", 3)]
    [InlineData("overlap5", 5)]
    public void Run_FixedOverlap_GivesExactlyNLabelsPerTask(string policy, int overlap)
    {
        var result = runs.Get(policy);

        // A task never gets more than N, so N per task on average is N on every task.
        Assert.Equal((long)overlap * result.Tasks, result.Labels);
        Assert.Equal(0, result.Reviewed);
    }

    [Fact]
    public void Run_EveryPolicy_CountsEveryTaskThatIsNotGold()
    {
        var population = CrowdPopulation.Draw(LiveRuns.Options("overlap3").Crowd);
        var work = population.Gold.Count(g => !g);

        Assert.All(s_policies, policy =>
        {
            var result = runs.Get(policy);
            Assert.Equal(policy, result.Policy);
            Assert.Equal(work, result.Tasks);
            Assert.Equal(result.Labels + result.ControlAnswers, result.Cost);
            Assert.True(result.Rounds > 0);
            Assert.True(result.Seconds >= 0);
        });
    }

    [Fact]
    public void Run_EveryPolicy_AsksForControlAnswersAtTheControlShare()
    {
        Assert.All(s_policies, policy =>
        {
            var result = runs.Get(policy);
            Assert.InRange(result.ControlAnswers, 0.02 * result.Labels, 0.09 * result.Labels);
        });
    }

    [Fact]
    public void Run_NoControlShare_AsksForNoControlAnswers()
    {
        var result = LiveSimulation.Run(LiveRuns.Options("overlap3") with { ControlShare = 0 });

        Assert.Equal(0, result.ControlAnswers);
        Assert.Equal(3 * result.Tasks, result.Labels);
    }

    [Fact]
    public void Run_DynamicOverlap_NeverExceedsMaxAnswers()
    {
        var result = runs.Get("toloka:0.99", maxAnswers: 3);

        // At 99 % most tasks run to the maximum.
        Assert.InRange(result.LabelsPerTask, 2.5, 3);
        Assert.Equal(0, result.Reviewed);
    }

    [Fact]
    public void Run_Toloka_LowerThresholdUsesFewerLabels()
    {
        var low = runs.Get("toloka:0.6");
        var middle = runs.Get("toloka");
        var high = runs.Get("toloka:0.95");

        Assert.True(low.Labels < middle.Labels, $"{low.Labels} labels at 60 %, {middle.Labels} at 80 %");
        Assert.True(middle.Labels < high.Labels, $"{middle.Labels} labels at 80 %, {high.Labels} at 95 %");
        Assert.True(low.LabelsPerTask >= 1, $"{low.LabelsPerTask} labels per task at 60 %");
    }

    [Fact]
    public void Run_Toloka_HigherThresholdDoesNotLowerAccuracyMuch()
    {
        var low = runs.Get("toloka:0.6");
        var middle = runs.Get("toloka");
        var high = runs.Get("toloka:0.95");

        Assert.True(middle.Accuracy >= low.Accuracy - 0.02, $"{middle.Accuracy:P2} at 80 % against {low.Accuracy:P2} at 60 %");
        Assert.True(high.Accuracy >= middle.Accuracy - 0.02, $"{high.Accuracy:P2} at 95 % against {middle.Accuracy:P2} at 80 %");
        Assert.True(high.Accuracy >= 0.95, $"{high.Accuracy:P2} at 95 %");
    }

    [Theory]
    [InlineData("aql-random")]
    [InlineData("aql-best")]
    public void Run_Aql_IsAccurateOnAnEasyCrowdWithinMaxAnswers(string policy)
    {
        var result = runs.Get(policy);

        Assert.True(result.Accuracy >= 0.95, $"{result.Accuracy:P2}");
        Assert.InRange(result.LabelsPerTask, 1, 5);
        Assert.True(result.LabelsPerTask < runs.Get("overlap5").LabelsPerTask);
    }

    [Fact]
    public void Run_AqlWithFewerMaxAnswers_StaysWithinThem()
    {
        var result = runs.Get("aql-random", maxAnswers: 3);

        Assert.InRange(result.LabelsPerTask, 1, 3);
    }

    [Theory]
    [InlineData("aql-random")]
    [InlineData("aql-best")]
    public void Run_Aql_ReportsExpectedErrorAndDecisionTime(string policy)
    {
        var result = runs.Get(policy);

        Assert.InRange(result.ExpectedError, 0, 0.02);
        Assert.False(double.IsNaN(result.DecisionMicroseconds));
        Assert.True(result.DecisionMicroseconds > 0);
    }

    [Theory]
    [InlineData("overlap3")]
    [InlineData("overlap5")]
    [InlineData("toloka")]
    public void Run_NotAql_HasNoExpectedErrorOrDecisionTime(string policy)
    {
        var result = runs.Get(policy);

        Assert.True(double.IsNaN(result.ExpectedError));
        Assert.True(double.IsNaN(result.DecisionMicroseconds));
    }

    [Fact]
    public void Run_FixedOverlap_MoreAnswersAreMoreAccurate()
    {
        var one = runs.Get("overlap1");
        var five = runs.Get("overlap5");

        Assert.True(five.Accuracy > one.Accuracy + 0.03, $"{five.Accuracy:P2} with 5 against {one.Accuracy:P2} with 1");
    }

    [Fact]
    public void Run_FixedOverlap_MeetsTheSameCrowdWhateverTheOverlap()
    {
        var three = runs.Get("overlap3");
        var five = runs.Get("overlap5");

        // Random picks from the same crowd: adversaries give about the same share of both.
        var ratio = (double)five.AdversaryAnswers / three.AdversaryAnswers;

        Assert.InRange(ratio, 5.0 / 3 * 0.85, 5.0 / 3 * 1.15);
        Assert.InRange((double)five.AdversaryAnswers / five.Cost, 0.5 * three.AdversaryAnswers / three.Cost, 1.5 * three.AdversaryAnswers / three.Cost);
    }

    [Fact]
    public void Run_WithProgress_GivesTheSameResult()
    {
        var lines = new List<string>();

        var result = LiveSimulation.Run(LiveRuns.Options("overlap1"), new SynchronousProgress(lines));

        Assert.Equal(Timeless(runs.Get("overlap1")), Timeless(result));
        Assert.All(lines, line => Assert.StartsWith("overlap1: round ", line, StringComparison.Ordinal));
    }

    /// <summary>Collects progress lines on the calling thread.</summary>
    private sealed class SynchronousProgress(List<string> lines) : IProgress<string>
    {
        public void Report(string value) => lines.Add(value);
    }
}
