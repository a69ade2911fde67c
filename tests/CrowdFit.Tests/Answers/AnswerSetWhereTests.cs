using CrowdFit.Answers;

namespace CrowdFit.Tests.Answers;

public sealed class AnswerSetWhereTests
{
    [Fact]
    public void Where_KeepsChosenAnswers_IndicesStayValid()
    {
        var answers = AnswerSet.FromTriples([("t1", "a", "x"), ("t1", "b", "y"), ("t2", "a", "y"), ("t3", "c", "x")]);

        var subset = answers.Where([true, false, true, false]);

        Assert.Equal(2, subset.Count);
        Assert.Equal(answers.TaskCount, subset.TaskCount);
        Assert.Equal(answers.WorkerCount, subset.WorkerCount);
        Assert.Equal(answers.Labels, subset.Labels);
        Assert.Equal(0, subset.TaskAnswerCount(answers.FindTask("t3")));
        Assert.Equal(answers.FindWorker("a"), subset.Workers[0]);
        Assert.Equal(answers.FindWorker("a"), subset.Workers[1]);
        Assert.Equal(answers.FindLabel("y"), subset.AnswerLabels[1]);
    }

    [Fact]
    public void Where_WrongLength_Throws()
    {
        var answers = AnswerSet.FromTriples([("t1", "a", "x")]);

        Assert.Throws<ArgumentException>(() => answers.Where([true, true]));
    }
}
