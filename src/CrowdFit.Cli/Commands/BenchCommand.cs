using System.CommandLine;

namespace CrowdFit.Cli.Commands;

/// <summary><c>crowdfit bench</c>: measurements that compare CrowdFit with its peers.</summary>
internal static class BenchCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "Folder of <name>.answers.csv + <name>.gold.csv pairs (and optionally PEERS.md)." };
        var methods = new Option<string[]>("--methods") { Description = "Methods to run (default: all).", AllowMultipleArgumentsPerToken = true };
        var report = new Option<FileInfo?>("--report") { Description = "Also write the table as Markdown to this file." };
        var truth = new Command("truth", "Run every truth method on every dataset with gold and print accuracy and seconds beside the peer figures.")
        {
            folder, methods, report,
        };
        truth.SetAction(parse => BenchTruth.Run(
            parse.GetValue(folder)!.FullName,
            parse.GetValue(methods) is { Length: > 0 } chosen ? chosen : null,
            parse.GetValue(report)?.FullName,
            stdout,
            stderr));
        return new Command("bench", "Benchmarks against peers.") { truth };
    }
}
