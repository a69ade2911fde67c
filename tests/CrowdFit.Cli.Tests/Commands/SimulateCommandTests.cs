namespace CrowdFit.Cli.Tests.Commands;

public sealed class SimulateCommandTests
{
    [Fact]
    public void Run_SmallCrowd_WritesAnswersThatAggregateReads()
    {
        using var folder = new TempFolder();
        var crowd = folder.File("crowd");

        var (code, stdout, _) = Cli.Run("simulate", "--tasks", "300", "--workers", "20", "--answers-per-task", "3", "--seed", "5", "--out", crowd);
        var aggregate = Cli.Run("aggregate", Path.Combine(crowd, "answers.csv"), "--out", folder.File("out"));

        Assert.Equal(0, code);
        Assert.Contains("simulated 900 answers on 300 tasks", stdout, StringComparison.Ordinal);
        Assert.Equal(0, aggregate.Code);
        Assert.Contains("read 900 answers: 300 tasks", aggregate.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownPreset_ExitsTwo()
    {
        using var folder = new TempFolder();

        var (code, _, stderr) = Cli.Run("simulate", "--preset", "moon", "--out", folder.Path);

        Assert.Equal(2, code);
        Assert.Contains("'moon'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ZeroTasks_ExitsTwoNamingTheSetting()
    {
        using var folder = new TempFolder();

        var (code, _, stderr) = Cli.Run("simulate", "--tasks", "0", "--out", folder.Path);

        Assert.Equal(2, code);
        Assert.Contains("Tasks", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Parameter", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ImagesPreset_WritesLogGoldAndTruth()
    {
        using var folder = new TempFolder();
        var crowd = folder.File("images");

        var (code, stdout, stderr) = Cli.Run("simulate", "--preset", "images", "--seed", "3", "--scale", "0.05", "--out", crowd);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        Assert.Contains("simulated 'images': 1,500 answers on 500 tasks", stdout, StringComparison.Ordinal);
        Assert.Contains("  accounts: 3 honest, 1 uniform-spammer, 1 constant-spammer, 1 fast-bot, 1 gold-aware, 1 sleeper", stdout, StringComparison.Ordinal);
        Assert.Contains("  bad answers: ", stdout, StringComparison.Ordinal);
        Assert.Equal("task,worker,label,started_at,submitted_at,ip,device,country,payment_country,task_type,reward", File.ReadLines(Path.Combine(crowd, "answers.csv")).First());
        Assert.Equal(1_501, File.ReadLines(Path.Combine(crowd, "answers.csv")).Count());
        Assert.Equal("task,label", File.ReadLines(Path.Combine(crowd, "gold.csv")).First());
        Assert.Equal(1_501, File.ReadLines(Path.Combine(crowd, "truth", "answers.csv")).Count());
        Assert.Equal(9, File.ReadLines(Path.Combine(crowd, "truth", "workers.csv")).Count());
    }

    [Fact]
    public void Run_PresetTwiceWithOneSeed_WritesIdenticalFiles()
    {
        using var folder = new TempFolder();

        var first = Cli.Run("simulate", "--preset", "TimeTheft", "--seed", "9", "--scale", "0.1", "--out", folder.File("a"));
        var second = Cli.Run("simulate", "--preset", "timetheft", "--seed", "9", "--scale", "0.1", "--out", folder.File("b"));
        var other = Cli.Run("simulate", "--preset", "timetheft", "--seed", "10", "--scale", "0.1", "--out", folder.File("c"));

        Assert.Equal((0, 0, 0), (first.Code, second.Code, other.Code));
        Assert.Equal(File.ReadAllBytes(folder.File("a/answers.csv")), File.ReadAllBytes(folder.File("b/answers.csv")));
        Assert.Equal(File.ReadAllBytes(folder.File("a/truth/answers.csv")), File.ReadAllBytes(folder.File("b/truth/answers.csv")));
        Assert.NotEqual(File.ReadAllBytes(folder.File("a/answers.csv")), File.ReadAllBytes(folder.File("c/answers.csv")));
    }

    [Fact]
    public void Run_UnknownPreset_SaysWhatThePresetsAre()
    {
        using var folder = new TempFolder();
        var output = folder.File("out");

        var (code, stdout, stderr) = Cli.Run("simulate", "--preset", "imagez", "--out", output);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains("--preset: unknown preset 'imagez'", stderr, StringComparison.Ordinal);
        Assert.Contains("dawid-skene, timetheft, images, platform", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Run_PresetWithCrowdOption_ExitsTwoNamingTheOption()
    {
        using var folder = new TempFolder();
        var output = folder.File("out");

        var (code, _, stderr) = Cli.Run("simulate", "--preset", "images", "--tasks", "100", "--out", output);

        Assert.Equal(2, code);
        Assert.Contains("--tasks", stderr, StringComparison.Ordinal);
        Assert.Contains("--scale", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1001")]
    public void Run_PresetWithScaleOutOfRange_ExitsTwoNamingScale(string scale)
    {
        using var folder = new TempFolder();
        var output = folder.File("out");

        var (code, _, stderr) = Cli.Run("simulate", "--preset", "platform", "--scale", scale, "--out", output);

        Assert.Equal(2, code);
        Assert.Contains($"--scale must be in (0, 1000] (was {scale})", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }
}
