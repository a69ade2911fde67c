using System.Text.RegularExpressions;

namespace CrowdFit.Cli.Tests;

/// <summary>The README's main command runs as written, on the sample shipped in the repository.</summary>
public sealed partial class ReadMeTests
{
    [Fact]
    public void ReadMe_MainCommand_RunsOnTheShippedSample()
    {
        var readme = File.ReadAllText(Repository.File("README.md"));
        var command = MainCommand().Match(readme);
        Assert.True(command.Success, "README has no 'dotnet run --project src/CrowdFit.Cli -c Release -- aggregate ...' line");
        using var folder = new TempFolder();
        var args = command.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(a => a == "out" ? folder.File("out") : a.EndsWith(".csv", StringComparison.Ordinal) ? Repository.File(a.Split('/')) : a)
            .ToArray();

        var (code, stdout, stderr) = Cli.Run(args);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        Assert.Contains("read 8,070 answers: 807 tasks, 109 workers, 4 labels, 81 gold", stdout, StringComparison.Ordinal);
        Assert.Equal(808, File.ReadAllLines(Path.Combine(folder.File("out"), "labels.csv")).Length);
        Assert.Equal(110, File.ReadAllLines(Path.Combine(folder.File("out"), "workers.csv")).Length);
    }

    [GeneratedRegex(@"dotnet run --project src/CrowdFit\.Cli -c Release -- (aggregate [^\n`]+)")]
    private static partial Regex MainCommand();
}
