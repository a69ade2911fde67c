namespace CrowdFit.Cli.Tests.Commands;

public sealed class AggregateCommandTests
{
    [Fact]
    public void Run_SmallLog_WritesLabelsAndWorkersWithPosteriorColumns()
    {
        using var folder = new TempFolder();
        var answers = folder.Write("a.csv", "task,worker,label\nt1,w1,cat\nt1,w2,cat\nt1,w3,dog\nt2,w1,dog\nt2,w2,dog\n");
        var output = folder.File("out");

        var (code, stdout, stderr) = Cli.Run("aggregate", answers, "--out", output, "--method", "mv");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        Assert.Contains("read 5 answers: 2 tasks, 3 workers, 2 labels", stdout, StringComparison.Ordinal);
        Assert.Equal(
            ["task,label,confidence,p_cat,p_dog", "t1,cat,0.666667,0.666667,0.333333", "t2,dog,1,0,1"],
            File.ReadAllLines(Path.Combine(output, "labels.csv")));
        var workers = File.ReadAllLines(Path.Combine(output, "workers.csv"));
        Assert.StartsWith("worker,answers,accuracy,accuracy_low,accuracy_high,confusion_cat_cat,confusion_cat_dog,confusion_dog_cat,confusion_dog_dog", workers[0], StringComparison.Ordinal);
        Assert.Equal(4, workers.Length);
    }

    [Fact]
    public void Run_UnknownFormat_ExitsTwoNamingTheFormatsAndWritesNothing()
    {
        using var folder = new TempFolder();
        var answers = folder.Write("a.csv", "task,worker,label\nt1,w1,cat\n");
        var output = folder.File("out");

        var (code, _, stderr) = Cli.Run("aggregate", answers, "--format", "excel", "--out", output);

        Assert.Equal(2, code);
        Assert.Contains("found 'excel'", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Run_JsonNoFormatClaims_ExitsTwoAskingForTheFormat()
    {
        using var folder = new TempFolder();
        var answers = folder.Write("a.json", "{\"rows\": []}");
        var output = folder.File("out");

        var (code, _, stderr) = Cli.Run("aggregate", answers, "--out", output);

        Assert.Equal(2, code);
        Assert.Contains("--format", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WithGold_WritesTheGoldAuditMostSuspectFirst()
    {
        using var folder = new TempFolder();
        var answers = folder.Write("a.csv", "task,worker,label\ng1,w1,dog\ng1,w2,dog\ng1,w3,dog\ng2,w1,cat\ng2,w2,cat\ng2,w3,dog\n");
        var gold = folder.Write("gold.csv", "task,label\ng1,cat\ng2,cat\n");
        var output = folder.File("out");

        var (code, stdout, stderr) = Cli.Run("aggregate", answers, "--gold", gold, "--out", output, "--method", "mv");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        Assert.Contains("gold audit: 2 gold items, 1 whose gold label the crowd makes unlikely", stdout, StringComparison.Ordinal);
        Assert.Equal(
            [
                "task,gold,answers,pass_rate,gold_posterior,crowd_label,crowd_confidence,suspect",
                "g1,cat,3,0,0,dog,1,yes",
                "g2,cat,3,0.666667,0.666667,cat,0.666667,no",
            ],
            File.ReadAllLines(Path.Combine(output, "gold_audit.csv")));
    }

    [Fact]
    public void Run_BadTimestamp_ExitsTwoWithOneLineAndWritesNothing()
    {
        using var folder = new TempFolder();
        var answers = folder.Write("a.csv", "task,worker,label,started_at\nt1,w1,cat,2024-01-01T10:00:00Z\nt1,w2,cat,2024-13-45\n");
        var output = folder.File("out");

        var (code, stdout, stderr) = Cli.Run("aggregate", answers, "--out", output);

        Assert.Equal(2, code);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains("a.csv", stderr, StringComparison.Ordinal);
        Assert.Contains("3", stderr, StringComparison.Ordinal);
        Assert.Contains("started_at", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
        Assert.DoesNotContain("wrote", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownMethod_ExitsTwoNamingTheChoices()
    {
        using var folder = new TempFolder();
        var answers = folder.Write("a.csv", "task,worker,label\nt1,w1,cat\n");

        var (code, _, stderr) = Cli.Run("aggregate", answers, "--out", folder.File("out"), "--method", "best");

        Assert.Equal(2, code);
        Assert.Contains("'best'", stderr, StringComparison.Ordinal);
        Assert.Contains("ibcc", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingFile_ExitsTwo()
    {
        using var folder = new TempFolder();

        var (code, _, stderr) = Cli.Run("aggregate", folder.File("missing.csv"), "--out", folder.File("out"));

        Assert.Equal(2, code);
        Assert.Contains("missing.csv", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_GoldAndScores_ClampsGoldAndAddsTheModelAsAWorker()
    {
        using var folder = new TempFolder();
        var answers = folder.Write("a.csv", "task,worker,label\nt1,w1,cat\nt1,w2,dog\nt2,w1,dog\n");
        var gold = folder.Write("g.csv", "task,label\nt1,dog\n");
        var scores = folder.Write("s.csv", "task,label,score\nt2,cat,0.9\nt2,dog,0.1\n");
        var output = folder.File("out");

        var (code, stdout, _) = Cli.Run("aggregate", answers, "--gold", gold, "--scores", scores, "--out", output, "--per-answer");

        Assert.Equal(0, code);
        Assert.Contains("3 workers", stdout, StringComparison.Ordinal);
        Assert.Contains("t1,dog,1,", File.ReadAllText(Path.Combine(output, "labels.csv")), StringComparison.Ordinal);
        Assert.Contains("model,", File.ReadAllText(Path.Combine(output, "workers.csv")), StringComparison.Ordinal);
        Assert.Equal(5, File.ReadAllLines(Path.Combine(output, "answers.csv")).Length);
    }
}
