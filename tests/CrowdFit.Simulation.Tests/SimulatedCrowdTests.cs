namespace CrowdFit.Simulation.Tests;

public sealed class SimulatedCrowdTests
{
    [Fact]
    public void ToAnswerSet_TwelveClasses_KeepsTasksWorkersAndLabelText()
    {
        var crowd = DawidSkeneCrowd.Generate(DawidSkeneCrowdOptions.Default with { Tasks = 1_000, Classes = 12 });

        var answers = crowd.ToAnswerSet();

        Assert.Equal(5_000, answers.Count);
        Assert.Equal(1_000, answers.TaskCount);
        Assert.Equal(2_000, answers.WorkerCount);
        Assert.Equal(12, answers.ClassCount);
        Assert.Equal("t999", answers.TaskIds[999]);
        Assert.Equal("w45", answers.WorkerIds[45]);
        for (var i = 0; i < answers.Count; i++)
        {
            Assert.Equal(DawidSkeneCrowd.LabelText(crowd.AnswerLabels.Span[i]), answers.Labels[answers.AnswerLabels[i]]);
        }
    }

    [Fact]
    public void TruthFor_AnswerSet_GivesEveryTaskItsTrueLabel()
    {
        var crowd = DawidSkeneCrowd.Generate(DawidSkeneCrowdOptions.Default with { Tasks = 1_000, Classes = 12 });
        var answers = crowd.ToAnswerSet();

        var truth = crowd.TruthFor(answers);

        Assert.Equal(1_000, truth.Count);
        for (var t = 0; t < 1_000; t++)
        {
            Assert.Equal(DawidSkeneCrowd.LabelText(crowd.TrueLabels.Span[t]), answers.Labels[truth[t]]);
        }
    }

    [Fact]
    public void GoldFor_AnswerSet_CoversOnlyGoldTasks()
    {
        var crowd = DawidSkeneCrowd.Generate(DawidSkeneCrowdOptions.Default with { Tasks = 1_000, GoldShare = 0.2 });
        var answers = crowd.ToAnswerSet();

        var gold = crowd.GoldFor(answers);

        Assert.Equal(crowd.GoldTasks.Length, gold.Count);
        Assert.All(crowd.GoldTasks.ToArray(), t => Assert.Equal(crowd.TrueLabels.Span[t], int.Parse(answers.Labels[gold[t]], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Workers_Written_HaveIdsLikeTheFiles()
    {
        var crowd = DawidSkeneCrowd.Generate(DawidSkeneCrowdOptions.Default with { Tasks = 1 });

        var worker = crowd.Workers[45];

        Assert.Equal("w45", worker.Id);
        Assert.Equal(45, worker.Index);
        Assert.Equal(16, worker.Confusion.Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => worker.AnswerProbability(4, 0));
    }
}
