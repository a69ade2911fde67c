using CrowdFit.Simulation.Live;

namespace CrowdFit.Simulation.Tests.Live;

/// <summary>
/// Toloka's confidence by hand: worker accuracy q = (0.5 + right) / (1 + control answers); a label's weight
/// is the product of q where an answer gives it and (1 − q) / (classes − 1) where it does not.
/// </summary>
public sealed class DynamicOverlapRunTests
{
    /// <summary>Worker 0: 3 of 4 control answers right, q = 3.5 / 5 = 0.7. Worker 1: 4 of 4, q = 4.5 / 5 = 0.9.</summary>
    private static DynamicOverlapRun Trained(double threshold, int classes = 2, int min = 1, int max = 5)
    {
        var run = new DynamicOverlapRun(threshold, min, max, tasks: 4, accounts: 6, classes);
        Control(run, account: 0, right: 3, wrong: 1);
        Control(run, account: 1, right: 4, wrong: 0);
        return run;
    }

    private static void Control(DynamicOverlapRun run, int account, int right, int wrong)
    {
        for (var i = 0; i < right; i++)
        {
            run.Control(task: 3, account, label: 1, gold: 1);
        }

        for (var i = 0; i < wrong; i++)
        {
            run.Control(task: 3, account, label: 0, gold: 1);
        }
    }

    [Theory]
    [InlineData(0.954, 0)]
    [InlineData(0.955, 1)]
    public void Answered_TwoAgreeingWorkers_ConfidenceIs0Point9545(double threshold, int need)
    {
        // Binary: 0.7 · 0.9 = 0.63 against 0.3 · 0.1 = 0.03, so 0.63 / 0.66 = 0.954545.
        var run = Trained(threshold);

        var first = run.Answered(0, 0, 1);
        var second = run.Answered(0, 1, 1);

        Assert.Equal((1, false), first);
        Assert.Equal((need, false), second);
        Assert.Equal(1, run.Delivered(0));
    }

    [Fact]
    public void Answered_TwoAgreeingWorkersAtEightyPercent_Stops()
    {
        var run = Trained(0.8);

        run.Answered(0, 0, 1);
        var (need, review) = run.Answered(0, 1, 1);

        Assert.Equal(0, need);
        Assert.False(review);
    }

    [Theory]
    [InlineData(0.794, 0)]
    [InlineData(0.7942, 1)]
    [InlineData(0.8, 1)]
    public void Answered_TwoDisagreeingWorkers_ConfidenceIs0Point794ForTheBetterWorker(double threshold, int need)
    {
        // Binary: label 0 weighs 0.7 · 0.1 = 0.07, label 1 weighs 0.3 · 0.9 = 0.27, so 0.27 / 0.34 = 0.794118.
        var run = Trained(threshold);

        run.Answered(0, 0, 0);
        var second = run.Answered(0, 1, 1);

        Assert.Equal((need, false), second);
        Assert.Equal(1, run.Delivered(0));
    }

    [Theory]
    [InlineData(0.9767, 0)]
    [InlineData(0.9768, 1)]
    public void Answered_TwoAgreeingWorkersOfThreeClasses_ConfidenceIs0Point9767(double threshold, int need)
    {
        // Three classes: 0.63 against 0.15 · 0.05 = 0.0075 twice, so 0.63 / 0.645 = 0.976744.
        var run = Trained(threshold, classes: 3);

        run.Answered(0, 0, 2);
        var second = run.Answered(0, 1, 2);

        Assert.Equal((need, false), second);
        Assert.Equal(2, run.Delivered(0));
    }

    [Theory]
    [InlineData(0.69, 0)]
    [InlineData(0.71, 1)]
    public void Answered_OneAnswer_ConfidenceIsTheWorkersAccuracy(double threshold, int need)
    {
        var run = Trained(threshold);

        var first = run.Answered(0, 0, 0);

        Assert.Equal((need, false), first);
        Assert.Equal(0, run.Delivered(0));
    }

    [Fact]
    public void Answered_WorkersWithoutControl_StopAtExactlyTheMaximum()
    {
        // Without control answers q = 0.5: two labels stay at 50 % however many agree.
        var run = new DynamicOverlapRun(0.8, 1, 4, tasks: 1, accounts: 6, classes: 2);

        var needs = Enumerable.Range(0, 4).Select(a => run.Answered(0, a, 1).Need).ToArray();

        Assert.Equal([1, 1, 1, 0], needs);
    }

    [Fact]
    public void Answered_BelowTheMinimum_AsksForTheRest()
    {
        var run = Trained(0.5, min: 3);

        var needs = new[] { run.Answered(0, 1, 1).Need, run.Answered(0, 0, 1).Need, run.Answered(0, 2, 1).Need };

        Assert.Equal(3, run.FirstNeed);
        Assert.Equal([2, 1, 0], needs);
    }

    [Fact]
    public void FirstNeed_MinimumAboveMaximum_IsTheMaximum()
    {
        var run = new DynamicOverlapRun(0.8, 7, 4, tasks: 1, accounts: 1, classes: 2);

        Assert.Equal(4, run.FirstNeed);
    }

    [Fact]
    public void Control_UnderSixtyPercentOnThreeAnswers_Bans()
    {
        var run = new DynamicOverlapRun(0.8, 1, 5, tasks: 1, accounts: 3, classes: 2);

        Control(run, account: 0, right: 1, wrong: 2);
        Control(run, account: 1, right: 2, wrong: 1);
        Control(run, account: 2, right: 0, wrong: 2);

        Assert.False(run.Eligible(0));
        Assert.True(run.Eligible(1));
        Assert.True(run.Eligible(2));
    }

    [Fact]
    public void Control_CountsOnlyTheLastTenForTheBan()
    {
        var run = new DynamicOverlapRun(0.8, 1, 5, tasks: 1, accounts: 1, classes: 2);

        // 10 right then 4 wrong: the last ten hold 6 right, 60 %.
        Control(run, account: 0, right: 10, wrong: 4);
        var afterFour = run.Eligible(0);

        // A fifth wrong: the last ten hold 5 right, though 10 of 15 overall is 67 %.
        Control(run, account: 0, right: 0, wrong: 1);

        Assert.True(afterFour);
        Assert.False(run.Eligible(0));
    }

    [Fact]
    public void Delivered_NoAnswers_IsMinusOne()
    {
        var run = Trained(0.8);

        Assert.Equal(-1, run.Delivered(2));
    }

    [Fact]
    public void Pick_TakesTheCandidateAtTheDraw()
    {
        var run = Trained(0.8);
        int[] candidates = [4, 2, 5];

        Assert.Equal(4, run.Pick(0, candidates, 0.0));
        Assert.Equal(2, run.Pick(0, candidates, 0.5));
        Assert.Equal(5, run.Pick(0, candidates, 0.999));
    }
}
