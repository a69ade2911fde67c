using CrowdFit.Answers;

namespace CrowdFit.Formats.Tests.Reading;

public sealed class GoldFileTests
{
    private const string Answers = "task,worker,label\nt1,w1,cat\nt1,w2,dog\nt2,w1,dog\nt3,w2,cat\n";

    [Fact]
    public void Read_Gold_ResolvesTasksAndLabels()
    {
        var log = Read("label,task\ndog,t2\ncat,t1\ncat,t1\n");

        Assert.NotNull(log.Gold);
        Assert.Equal(2, log.Gold.Count);
        Assert.Equal([0, 1, GoldLabels.None], log.Gold.PerTask.ToArray());
    }

    [Fact]
    public void Read_GoldLabelNoAnswerUses_BecomesAClass()
    {
        var log = Read("task,label\nt3,bird\n");

        Assert.Equal(["bird", "cat", "dog"], log.Answers.Labels);
        Assert.Equal(0, log.Gold![2]);
        Assert.Equal([1, 2, 2, 1], log.Answers.AnswerLabels.ToArray());
    }

    [Fact]
    public void Read_GoldHeaderOnly_GivesEmptyGold()
    {
        var log = Read("task,label\n");

        Assert.Equal(0, log.Gold!.Count);
    }

    [Theory]
    [InlineData("task,label\nt1,cat\nt9,dog\n", 3, "task", "expected a task with answers in {answers}, found 't9', which has none")]
    [InlineData("task,label\nt1,cat\nt2,dog\nt1,dog\n", 4, "label", "expected one gold label per task, found 'dog' for task 't1', which has 'cat' on line 2")]
    [InlineData("task,label\nt1,\n", 2, "label", "expected a gold label, found an empty cell")]
    [InlineData("task,label\n,cat\n", 2, "task", "expected a task id, found an empty cell")]
    [InlineData("task,label\nt1,cat,x\n", 2, null, "expected 2 fields (task,label), found 3")]
    [InlineData("task\nt1\n", 1, "label", "expected a required column 'label' in the header, found only 'task'")]
    [InlineData("", 1, null, "expected a header row (task,label), found an empty file")]
    public void Read_BadGold_NamesGoldFileLineAndColumn(string gold, int line, string? column, string detail)
    {
        using var files = new TempFiles();
        var answersPath = files.Write("answers.csv", Answers);
        var goldPath = files.Write("gold.csv", gold);

        var error = Assert.Throws<AnswerFormatException>(() => AnswerLogReader.Read(answersPath, goldPath));

        Assert.Equal((goldPath, line, column), (error.FilePath, error.Line, error.Column));
        Assert.Equal(detail.Replace("{answers}", answersPath, StringComparison.Ordinal), error.Detail);
    }

    private static AnswerLog Read(string gold)
    {
        using var files = new TempFiles();
        return AnswerLogReader.Read(files.Write("answers.csv", Answers), files.Write("gold.csv", gold));
    }
}
