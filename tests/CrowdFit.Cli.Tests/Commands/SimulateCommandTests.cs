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
}
