namespace CrowdFit.Cli.Tests.Commands;

public sealed class SimulateLiveTests
{
    private const string TableHeader = "| policy | labels/task | delivered accuracy | reviewed | labels | control answers | cost | adversary answers | engine's expected error | decision µs (mean) | rounds | seconds |";

    [Fact]
    public void Run_LiveTwoPolicies_PrintsTheTableWithBothRows()
    {
        var (code, stdout, _) = Cli.Run("simulate", "--live", "--preset", "images", "--scale", "0.05", "--policy", "overlap3,aql-best");

        Assert.Equal(0, code);
        Assert.StartsWith("live 'images' (seed 1): 500 tasks, 8 accounts; AQL 2.0 %", stdout, StringComparison.Ordinal);
        Assert.Contains("Live 'images', seed 1: 500 tasks, 8 accounts, AQL 2.0 %.", stdout, StringComparison.Ordinal);
        Assert.Contains(TableHeader, stdout, StringComparison.Ordinal);
        var rows = stdout.ReplaceLineEndings("\n").Split('\n').Where(line => line.StartsWith("| ", StringComparison.Ordinal) && !line.StartsWith("| policy", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, rows.Length);
        Assert.StartsWith("| overlap3 | 3.000 | ", rows[0], StringComparison.Ordinal);
        Assert.StartsWith("| aql-best | ", rows[1], StringComparison.Ordinal);

        // Only the AQL row has the engine's expected error and decision time.
        Assert.Contains(" |  |  | ", rows[0], StringComparison.Ordinal);
        Assert.DoesNotContain(" |  |  | ", rows[1], StringComparison.Ordinal);
        Assert.Equal(14, rows[1].Split('|').Length);
    }

    [Fact]
    public void Run_LiveWithReport_WritesTheSameTable()
    {
        using var folder = new TempFolder();
        var report = folder.File("live.md");

        var (code, stdout, _) = Cli.Run("simulate", "--live", "--preset", "images", "--scale", "0.05", "--policy", "overlap3,toloka:0.9", "--seed", "2", "--report", report);

        Assert.Equal(0, code);
        var table = File.ReadAllText(report);
        Assert.StartsWith("Live 'images', seed 2: 500 tasks, 8 accounts, AQL 2.0 %.", table, StringComparison.Ordinal);
        Assert.Contains(TableHeader, table, StringComparison.Ordinal);
        Assert.Contains("| overlap3 | 3.000 | ", table, StringComparison.Ordinal);
        Assert.Contains("| toloka:0.9 | ", table, StringComparison.Ordinal);
        Assert.Contains(table, stdout, StringComparison.Ordinal);
        Assert.EndsWith($"report: {report}\n", stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_LiveWithTheComparisonRuns_PrintsTheTargets()
    {
        var (code, stdout, _) = Cli.Run("simulate", "--live", "--preset", "images", "--scale", "0.05", "--policy", "overlap5,aql-best");

        Assert.Equal(0, code);
        Assert.Contains("| target | measured | met |", stdout, StringComparison.Ordinal);
        Assert.Contains("with ≤ half the labels of fixed overlap 5", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_LiveUnknownPolicy_ExitsTwoListingTheKnownOnes()
    {
        var (code, stdout, stderr) = Cli.Run("simulate", "--live", "--preset", "images", "--scale", "0.05", "--policy", "overlap3,majority");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains("--policy: Unknown policy 'majority'.", stderr, StringComparison.Ordinal);
        Assert.Contains("toloka[:THRESHOLD[:MIN]]", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_LiveBadTolokaThreshold_ExitsTwo()
    {
        var (code, stdout, stderr) = Cli.Run("simulate", "--live", "--scale", "0.05", "--policy", "toloka:1");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("--policy: 'toloka:1': toloka takes a confidence in (0, 1)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_LiveNoPolicy_ExitsTwo()
    {
        var (code, _, stderr) = Cli.Run("simulate", "--live", "--scale", "0.05", "--policy", " , ");

        Assert.Equal(2, code);
        Assert.Contains("--policy: give at least one policy.", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("0")]
    [InlineData("1")]
    public void Run_LiveAqlOutOfRange_ExitsTwo(string aql)
    {
        var (code, stdout, stderr) = Cli.Run("simulate", "--live", "--scale", "0.05", "--policy", "aql-best", "--aql", aql);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains($"--aql must be in (0, 1) (was {aql}).", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_LiveScaleOutOfRange_ExitsTwo()
    {
        var (code, _, stderr) = Cli.Run("simulate", "--live", "--scale", "0", "--policy", "overlap3");

        Assert.Equal(2, code);
        Assert.Contains("--scale must be in (0, 1000] (was 0).", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_LiveDawidSkenePreset_ExitsTwoNamingTheScenarios()
    {
        var (code, stdout, stderr) = Cli.Run("simulate", "--preset", "dawid-skene", "--live");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("--live runs the scenarios with adversaries: timetheft, images, platform (was 'dawid-skene')", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--policy", "overlap3")]
    [InlineData("--aql", "0.05")]
    [InlineData("--report", "live.md")]
    public void Run_LiveOptionWithoutLive_ExitsTwoNamingTheOption(string option, string value)
    {
        using var folder = new TempFolder();
        var output = folder.File("out");

        var (code, stdout, stderr) = Cli.Run("simulate", "--preset", "images", "--scale", "0.05", "--out", output, option, value);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains($"{option} applies to --live runs only.", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Run_NeitherOutNorLive_ExitsTwo()
    {
        var (code, stdout, stderr) = Cli.Run("simulate");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("--out is required", stderr, StringComparison.Ordinal);
        Assert.Contains("unless --live", stderr, StringComparison.Ordinal);
    }
}
