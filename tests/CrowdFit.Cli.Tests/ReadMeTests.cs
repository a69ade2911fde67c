using System.Text.RegularExpressions;

namespace CrowdFit.Cli.Tests;

/// <summary>The README's main command runs as written, on the sample shipped in the repository.</summary>
public sealed partial class ReadMeTests
{
    [Fact]
    public void ReadMe_MainCommand_RunsOnTheShippedSampleAndFindsThePlantedProblems()
    {
        var readme = File.ReadAllText(Repository.File("README.md"));
        var command = MainCommand().Match(readme);
        Assert.True(command.Success, "README has no 'dotnet run --project src/CrowdFit.Cli -c Release -- analyze ...' line");
        using var folder = new TempFolder();
        var args = command.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(a => a == "out" ? folder.File("out")
                : a.StartsWith("out/", StringComparison.Ordinal) ? Path.Combine(folder.File("out"), a[4..])
                : a.EndsWith(".csv", StringComparison.Ordinal) ? Repository.File(a.Split('/')) : a)
            .ToArray();

        var (code, stdout, stderr) = Cli.Run(args);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        Assert.Contains("read 60,000 answers: 15,000 tasks, 400 workers, 4 labels, 478 gold", stdout, StringComparison.Ordinal);
        Assert.Contains("task type 'review' pays a median", stdout, StringComparison.Ordinal);
        Assert.Contains("country KE: ", stdout, StringComparison.Ordinal);
        Assert.Contains("2026-03-09: label 'spam'", stdout, StringComparison.Ordinal);
        Assert.Equal(15_001, File.ReadAllLines(Path.Combine(folder.File("out"), "labels.csv")).Length);
        var report = File.ReadAllText(Path.Combine(folder.File("out"), "report.html"));
        Assert.Contains("<svg", report, StringComparison.Ordinal);
        Assert.Contains("KE", report, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadMe_TruthExample_RunsOnTheDogSample()
    {
        var readme = File.ReadAllText(Repository.File("README.md"));
        var command = AggregateCommand().Match(readme);
        Assert.True(command.Success, "README has no 'dotnet run --project src/CrowdFit.Cli -c Release -- aggregate ...' line");
        using var folder = new TempFolder();
        var args = command.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(a => a.StartsWith("out", StringComparison.Ordinal) ? folder.File("out") : a.EndsWith(".csv", StringComparison.Ordinal) ? Repository.File(a.Split('/')) : a)
            .ToArray();

        var (code, stdout, stderr) = Cli.Run(args);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        Assert.Contains("read 8,070 answers: 807 tasks, 109 workers, 4 labels, 81 gold", stdout, StringComparison.Ordinal);
        Assert.Equal(808, File.ReadAllLines(Path.Combine(folder.File("out"), "labels.csv")).Length);
        Assert.Equal(110, File.ReadAllLines(Path.Combine(folder.File("out"), "workers.csv")).Length);
    }

    [GeneratedRegex(@"dotnet run --project src/CrowdFit\.Cli -c Release -- (analyze [^\n`]+)")]
    private static partial Regex MainCommand();

    [GeneratedRegex(@"dotnet run --project src/CrowdFit\.Cli -c Release -- (aggregate [^\n`]+)")]
    private static partial Regex AggregateCommand();
}
