namespace CrowdFit.Cli.Tests.Commands;

public sealed class RedTeamCommandTests
{
    [Fact]
    public void Run_SmallTimeTheft_ExitsZeroAndWritesAMarkdownTableWithPrecisionAndRecall()
    {
        using var folder = new TempFolder();
        var report = folder.File("R.md");
        var work = folder.File("work");

        var (code, stdout, stderr) = Cli.Run("redteam", "--presets", "timetheft", "--scale", "0.2", "--checkpoints", "2", "--report", report, "--work", work);

        // Missed targets are listed, not turned into a failing exit code: the command reports, it does not gate.
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        Assert.Contains("timetheft: 600 answers by 9 accounts simulated and read", stdout, StringComparison.Ordinal);
        Assert.Contains("timetheft: answers to flag measured with up to 2 cut-offs", stdout, StringComparison.Ordinal);
        Assert.Contains($"wrote {report}", stdout, StringComparison.Ordinal);
        Assert.Matches("every red-team target met|[0-9]+ red-team target\\(s\\) missed:", stdout);

        var lines = File.ReadAllLines(report);
        Assert.Equal("# Red team", lines[0]);
        Assert.Contains("Command: `crowdfit redteam --seed 1 --presets timetheft --scale 0.2 --checkpoints 2`", lines);
        var header = Array.IndexOf(lines, "| scenario | kind | level | bad | honest | precision | recall | FPR | F2 | AUPRC | answers to flag |");
        Assert.True(header > 0, "no table header");
        Assert.Equal("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|", lines[header + 1]);
        var rows = lines.Skip(header + 2).TakeWhile(line => line.StartsWith('|')).ToArray();
        Assert.Equal(
            ["fast-bot worker", "fast-bot answer", "time-thief worker", "time-thief answer", "all worker", "all answer"],
            rows.Select(r => r.Split('|', StringSplitOptions.TrimEntries)).Select(c => $"{c[2]} {c[3]}"));
        Assert.All(rows, r => Assert.StartsWith("| timetheft | ", r, StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Equal(13, r.Split('|').Length));

        // Precision and recall are shares with three decimals, or a dash when undefined.
        Assert.All(rows.Select(r => r.Split('|', StringSplitOptions.TrimEntries)), c =>
        {
            Assert.Matches("^([01]\\.[0-9]{3}|–)$", c[6]);
            Assert.Matches("^([01]\\.[0-9]{3}|–)$", c[7]);
        });
        var workerRow = rows.Single(r => r.Contains("| time-thief | worker |", StringComparison.Ordinal)).Split('|', StringSplitOptions.TrimEntries);
        Assert.Equal("1", workerRow[4]);
        Assert.Equal("7", workerRow[5]);
        Assert.Contains(lines, line => line is "Every target met." or "Targets missed:");

        Assert.True(File.Exists(Path.Combine(work, "timetheft", "answers.csv")));
        Assert.True(File.Exists(Path.Combine(work, "timetheft", "truth", "workers.csv")));
        Assert.True(File.Exists(Path.Combine(work, "timetheft", "analysis", "workers.csv")));
    }

    [Fact]
    public void Run_UnknownPreset_ExitsTwoNamingTheOptionAndTheChoices()
    {
        using var folder = new TempFolder();

        var (code, stdout, stderr) = Cli.Run("redteam", "--presets", "timetheft,moon", "--report", folder.File("R.md"));

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("'moon'", stderr, StringComparison.Ordinal);
        Assert.Contains("--presets", stderr, StringComparison.Ordinal);
        Assert.Contains("timetheft, images, platform", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("R.md")));
    }

    [Theory]
    [InlineData("--scale", "0")]
    [InlineData("--scale", "101")]
    [InlineData("--checkpoints", "-1")]
    [InlineData("--presets", ",")]
    public void Run_SettingOutOfRange_ExitsTwo(string option, string value)
    {
        var (code, stdout, stderr) = Cli.Run("redteam", option, value);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains(option, stderr, StringComparison.Ordinal);
    }
}
