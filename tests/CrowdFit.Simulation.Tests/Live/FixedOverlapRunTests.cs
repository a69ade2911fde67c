using CrowdFit.Simulation.Live;

namespace CrowdFit.Simulation.Tests.Live;

public sealed class FixedOverlapRunTests
{
    [Fact]
    public void Answered_CountsDownToZeroAndNeverAsksForMore()
    {
        var run = new FixedOverlapRun(3, tasks: 2, classes: 3);

        var needs = Enumerable.Range(0, 4).Select(a => run.Answered(0, a, 1)).ToArray();

        Assert.Equal(3, run.FirstNeed);
        Assert.Equal([(2, false), (1, false), (0, false), (0, false)], needs);
    }

    [Fact]
    public void Delivered_Majority_IsTheMostGivenLabel()
    {
        var run = new FixedOverlapRun(5, tasks: 1, classes: 3);

        foreach (var (account, label) in new[] { (0, 2), (1, 0), (2, 2), (3, 1), (4, 2) })
        {
            run.Answered(0, account, label);
        }

        Assert.Equal(2, run.Delivered(0));
    }

    [Fact]
    public void Delivered_Tie_IsOneOfTheTiedLabelsFixedByTheTask()
    {
        var first = new FixedOverlapRun(2, tasks: 64, classes: 4);
        var second = new FixedOverlapRun(2, tasks: 64, classes: 4);
        foreach (var run in new[] { first, second })
        {
            for (var t = 0; t < 64; t++)
            {
                run.Answered(t, 0, 1);
                run.Answered(t, 1, 3);
            }
        }

        var delivered = Enumerable.Range(0, 64).Select(first.Delivered).ToArray();

        Assert.All(delivered, label => Assert.Contains(label, new[] { 1, 3 }));
        Assert.Equal(delivered, Enumerable.Range(0, 64).Select(second.Delivered));

        // Ties are not always broken the same way.
        Assert.Contains(1, delivered);
        Assert.Contains(3, delivered);
    }

    [Fact]
    public void Delivered_NoAnswers_IsMinusOne()
    {
        var run = new FixedOverlapRun(3, tasks: 2, classes: 3);

        run.Answered(0, 0, 1);

        Assert.Equal(-1, run.Delivered(1));
        Assert.Equal(1, run.Delivered(0));
    }

    [Fact]
    public void Policy_HasNoOwnEstimatesAndBansNobody()
    {
        var run = new FixedOverlapRun(3, tasks: 1, classes: 2);

        run.Control(0, 0, 0, 1);

        Assert.True(run.Eligible(0));
        Assert.True(double.IsNaN(run.ExpectedError));
        Assert.True(double.IsNaN(run.DecisionMicroseconds));
        Assert.Empty(run.Final());
        Assert.Empty(run.Changes());
        Assert.Null(run.PlanRound([0], [0]));
    }
}
