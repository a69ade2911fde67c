using CrowdFit.Answers;

namespace CrowdFit.Formats.Tests.Reading;

public sealed class AnswerLogReaderTests
{
    [Fact]
    public void Read_SmallLog_InternsTasksWorkersAndLabels()
    {
        using var files = new TempFiles();
        var path = files.Write("answers.csv", "task,worker,label\nt1,w1,dog\nt1,w2,cat\nt2,w1,dog\n");

        var log = AnswerLogReader.Read(path);

        var answers = log.Answers;
        Assert.Equal(["t1", "t2"], answers.TaskIds);
        Assert.Equal(["w1", "w2"], answers.WorkerIds);
        Assert.Equal(["cat", "dog"], answers.Labels);
        Assert.Equal([0, 0, 1], answers.Tasks.ToArray());
        Assert.Equal([0, 1, 0], answers.Workers.ToArray());
        Assert.Equal([1, 0, 1], answers.AnswerLabels.ToArray());
        Assert.Null(log.Gold);
        Assert.Null(log.Context);
        Assert.Null(log.ModelWorker);
    }

    [Fact]
    public void Read_ColumnsInAnyOrderWithUnknownColumns_ReadsTheKnownOnes()
    {
        using var files = new TempFiles();
        var path = files.Write("answers.csv", "note,Label , WORKER,task\nx,dog,w1,t1\ny,cat,w2,t1\n");

        var answers = AnswerLogReader.Read(path).Answers;

        Assert.Equal(["t1"], answers.TaskIds);
        Assert.Equal(["w1", "w2"], answers.WorkerIds);
        Assert.Equal([1, 0], answers.AnswerLabels.ToArray());
    }

    [Fact]
    public void Read_QuotedFields_UnquotesCommasQuotesAndLineBreaks()
    {
        using var files = new TempFiles();
        var path = files.Write("answers.csv", "task,worker,label\n\"t,1\",\"w \"\"one\"\"\",\"two\nlines\"\nt2,w2,x\n");

        var answers = AnswerLogReader.Read(path).Answers;

        Assert.Equal(["t,1", "t2"], answers.TaskIds);
        Assert.Equal(["w \"one\"", "w2"], answers.WorkerIds);
        Assert.Equal(["two\nlines", "x"], answers.Labels);
    }

    [Theory]
    [InlineData("task,worker,label\r\nt1,w1,a\r\nt2,w2,b\r\n")]
    [InlineData("task,worker,label\r\nt1,w1,a\r\nt2,w2,b")]
    [InlineData("task,worker,label\nt1,w1,a\nt2,w2,b")]
    [InlineData("\uFEFFtask,worker,label\nt1,w1,a\nt2,w2,b\n")]
    [InlineData("task,worker,label\n\nt1,w1,a\r\n\r\n\nt2,w2,b\n\n")]
    [InlineData("task,worker,label\r\n\"t1\",\"w1\",\"a\"\r\nt2,w2,\"b\"")]
    public void Read_LineEndsByteOrderMarkAndBlankLines_GiveTheSameLog(string content)
    {
        using var files = new TempFiles();
        var path = files.Write("answers.csv", content);

        var answers = AnswerLogReader.Read(path).Answers;

        Assert.Equal(["t1", "t2"], answers.TaskIds);
        Assert.Equal(["w1", "w2"], answers.WorkerIds);
        Assert.Equal(["a", "b"], answers.Labels);
    }

    [Fact]
    public void Read_TinyBlocks_GiveTheSameLogAsOneBlock()
    {
        using var files = new TempFiles();
        var rows = Enumerable.Range(0, 300).Select(i => i % 7 == 0
            ? $"\"task {i / 3}\",\"w,{i % 11}\",\"l\"\"{i % 3}\"\r\n"
            : $"task {i / 3},w{i % 13},l{i % 4}\n");
        var path = files.Write("answers.csv", "\uFEFFtask,worker,label\n" + string.Concat(rows));

        var whole = AnswerLogReader.Read(path).Answers;
        var tiny = AnswerLogReader.Read(path, options: new ReaderOptions { BlockSize = 16 }).Answers;

        Assert.Equal(300, tiny.Count);
        Assert.Equal(whole.TaskIds, tiny.TaskIds);
        Assert.Equal(whole.WorkerIds, tiny.WorkerIds);
        Assert.Equal(whole.Labels, tiny.Labels);
        Assert.Equal(whole.Workers.ToArray(), tiny.Workers.ToArray());
        Assert.Equal(whole.AnswerLabels.ToArray(), tiny.AnswerLabels.ToArray());
    }

    [Fact]
    public void Read_TasksNotGrouped_GroupsAnswersAndKeepsSourceRows()
    {
        using var files = new TempFiles();
        var path = files.Write("answers.csv", "task,worker,label\nt1,w1,a\nt2,w1,b\nt1,w2,a\n");

        var answers = AnswerLogReader.Read(path).Answers;

        Assert.Equal([0, 0, 1], answers.Tasks.ToArray());
        Assert.Equal([0, 2, 1], Enumerable.Range(0, 3).Select(answers.SourceRow).ToArray());
    }

    [Fact]
    public void ReadAnswers_SmallLog_ReturnsTheAnswerSet()
    {
        using var files = new TempFiles();
        var path = files.Write("answers.csv", "task,worker,label\nt1,w1,a\n");

        AnswerSet answers = AnswerLogReader.ReadAnswers(path);

        Assert.Equal(1, answers.Count);
    }

    [Fact]
    public void Read_InvalidOptions_ThrowsArgumentExceptionNamingEveryProblem()
    {
        var options = new ReaderOptions { ModelWorkerId = " ", BlockSize = 1 };

        var error = Assert.Throws<ArgumentException>(() => AnswerLogReader.Read("answers.csv", options: options));

        Assert.Contains("ModelWorkerId", error.Message, StringComparison.Ordinal);
        Assert.Contains("BlockSize", error.Message, StringComparison.Ordinal);
    }
}
