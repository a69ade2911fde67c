using CrowdFit.Simulation.RedTeam;

namespace CrowdFit.Simulation.Tests.RedTeam;

public sealed class AnswersToFlagTests
{
    [Fact]
    public void Budgets_ManyBadAnswers_EvenThenGeometricEndingAtTheMost()
    {
        var budgets = AnswersToFlag.Budgets(1500, 16);

        Assert.Equal([5, 10, 15, 20, 25, 30], budgets.Take(6));
        Assert.Equal(1500, budgets[^1]);
        Assert.True(budgets.Count <= 16);
        Assert.All(budgets.Zip(budgets.Skip(1)), p => Assert.True(p.Second > p.First));
    }

    [Fact]
    public void Budgets_FewBadAnswers_StopAtTheMost()
    {
        Assert.Equal([5, 10, 11, 12], AnswersToFlag.Budgets(12, 16));
        Assert.Equal([1, 2, 3], AnswersToFlag.Budgets(3, 16));
    }

    [Fact]
    public void Budgets_OneCheckpoint_IsTheWholeHistory()
    {
        Assert.Equal([400], AnswersToFlag.Budgets(400, 1));
    }
}
