using System.Globalization;

namespace CrowdFit.Simulation.Tests;

public sealed class DawidSkeneCrowdFilesTests
{
    private static readonly DawidSkeneCrowdOptions s_small = DawidSkeneCrowdOptions.Default with { Tasks = 30_000, GoldShare = 0.05 };

    private static readonly string[] s_files = ["answers.csv", "gold.csv", "truth.csv", "workers.csv"];

    [Fact]
    public void WriteTo_TwoRuns_WriteIdenticalBytes()
    {
        using var first = new TemporaryDirectory();
        using var second = new TemporaryDirectory();

        DawidSkeneCrowd.WriteTo(s_small, first.Path, TestContext.Current.CancellationToken);
        DawidSkeneCrowd.WriteTo(s_small, second.Path, TestContext.Current.CancellationToken);

        Assert.Equal(s_files, first.FileNames());
        Assert.All(s_files, name => Assert.Equal(File.ReadAllBytes(Path.Combine(first.Path, name)), File.ReadAllBytes(Path.Combine(second.Path, name))));
    }

    [Fact]
    public void WriteTo_TinyCrowd_WritesTheseExactFiles()
    {
        using var directory = new TemporaryDirectory();
        var options = new DawidSkeneCrowdOptions { Tasks = 3, AnswersPerTask = 2, Workers = 3, Classes = 3, SpammerShare = 0.5, GoldShare = 0.5 };

        DawidSkeneCrowd.WriteTo(options, directory.Path, TestContext.Current.CancellationToken);

        // A change here changes every crowd generated from a seed; make it only on purpose.
        Assert.Equal("task,worker,label\nt0,w2,2\nt0,w0,1\nt1,w0,1\nt1,w1,1\nt2,w0,1\nt2,w2,2\n", directory.Read("answers.csv"));
        Assert.Equal("task,label\nt0,2\nt1,1\nt2,2\n", directory.Read("truth.csv"));
        Assert.Equal("task,label\nt2,2\n", directory.Read("gold.csv"));
        Assert.Equal("worker,kind,accuracy\nw0,constant_spammer,0.333333\nw1,honest,0.845885\nw2,honest,0.806614\n", directory.Read("workers.csv"));
    }

    [Fact]
    public void WriteTo_SmallCrowd_FilesHoldTheGeneratedCrowd()
    {
        using var directory = new TemporaryDirectory();
        var crowd = DawidSkeneCrowd.Generate(s_small);

        var files = DawidSkeneCrowd.WriteTo(s_small, directory.Path, TestContext.Current.CancellationToken);

        var answers = Rows(files.AnswersPath);
        Assert.Equal(150_000, files.AnswerCount);
        Assert.Equal(150_000, answers.Length);
        for (var i = 0; i < answers.Length; i++)
        {
            Assert.Equal([DawidSkeneCrowd.TaskId(crowd.AnswerTasks.Span[i]), DawidSkeneCrowd.WorkerId(crowd.AnswerWorkers.Span[i]), DawidSkeneCrowd.LabelText(crowd.AnswerLabels.Span[i])], answers[i]);
        }

        var truth = Rows(files.TruthPath);
        Assert.Equal(crowd.TrueLabels.ToArray().Select(DawidSkeneCrowd.LabelText), truth.Select(r => r[1]));
        var gold = Rows(files.GoldPath);
        Assert.Equal(files.GoldCount, gold.Length);
        Assert.Equal(crowd.GoldTasks.ToArray().Select(DawidSkeneCrowd.TaskId), gold.Select(r => r[0]));
        var workers = Rows(files.WorkersPath);
        Assert.Equal(crowd.Workers.Select(w => w.Accuracy.ToString("F6", CultureInfo.InvariantCulture)), workers.Select(r => r[2]));
        Assert.Equal(s_files.Sum(f => new FileInfo(Path.Combine(directory.Path, f)).Length), files.Bytes);
    }

    [Fact]
    public void WriteTo_MissingDirectory_CreatesIt()
    {
        using var parent = new TemporaryDirectory();
        var target = Path.Combine(parent.Path, "a", "b");

        var files = DawidSkeneCrowd.WriteTo(s_small with { Tasks = 10 }, target, TestContext.Current.CancellationToken);

        Assert.Equal(target, files.Directory);
        Assert.True(File.Exists(files.AnswersPath));
    }

    [Fact]
    public void WriteTo_Cancelled_LeavesNoFiles()
    {
        using var directory = new TemporaryDirectory();
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => DawidSkeneCrowd.WriteTo(s_small, directory.Path, cancel.Token));

        Assert.Empty(directory.FileNames());
    }

    [Fact]
    public void WriteTo_CancelledOverEarlierRun_KeepsEarlierFiles()
    {
        using var directory = new TemporaryDirectory();
        DawidSkeneCrowd.WriteTo(s_small with { Tasks = 10 }, directory.Path, TestContext.Current.CancellationToken);
        var before = directory.Read("answers.csv");
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => DawidSkeneCrowd.WriteTo(s_small, directory.Path, cancel.Token));

        Assert.Equal(s_files, directory.FileNames());
        Assert.Equal(before, directory.Read("answers.csv"));
    }

    [Fact]
    public void WriteTo_RenameFails_LeavesNoTemporaryFiles()
    {
        using var directory = new TemporaryDirectory();
        Directory.CreateDirectory(Path.Combine(directory.Path, "answers.csv"));

        Assert.ThrowsAny<IOException>(() => DawidSkeneCrowd.WriteTo(s_small, directory.Path, TestContext.Current.CancellationToken));

        Assert.Empty(directory.FileNames());
    }

    private static string[][] Rows(string path)
        => [.. File.ReadLines(path).Skip(1).Select(line => line.Split(','))];
}
