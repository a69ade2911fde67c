using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CrowdFit.Simulation;

namespace CrowdFit.Cli.Commands;

/// <summary><c>crowdfit simulate</c>: writes a simulated crowd with known truth.</summary>
internal static class SimulateCommand
{
    /// <summary>Name of the Dawid–Skene crowd preset, the shape used for speed benchmarks.</summary>
    public const string DawidSkenePreset = "dawid-skene";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var defaults = DawidSkeneCrowdOptions.Default;
        var preset = new Option<string>("--preset") { Description = $"Crowd to simulate: {DawidSkenePreset}.", DefaultValueFactory = _ => DawidSkenePreset };
        var seed = new Option<long>("--seed") { Description = "Random seed; the same seed gives the same files.", DefaultValueFactory = _ => defaults.Seed };
        var tasks = new Option<int>("--tasks") { Description = "Number of tasks.", DefaultValueFactory = _ => defaults.Tasks };
        var perTask = new Option<int>("--answers-per-task") { Description = "Distinct workers answering each task.", DefaultValueFactory = _ => defaults.AnswersPerTask };
        var workers = new Option<int>("--workers") { Description = "Number of workers.", DefaultValueFactory = _ => defaults.Workers };
        var classes = new Option<int>("--classes") { Description = "Number of classes.", DefaultValueFactory = _ => defaults.Classes };
        var spammers = new Option<double>("--spammers") { Description = "Share of workers who are spammers (half uniform, half constant).", DefaultValueFactory = _ => defaults.SpammerShare };
        var goldShare = new Option<double>("--gold-share") { Description = "Share of tasks also written to gold.csv.", DefaultValueFactory = _ => defaults.GoldShare };
        var output = new Option<DirectoryInfo>("--out") { Description = "Directory to write answers.csv, gold.csv, truth.csv and workers.csv into.", Required = true };
        var command = new Command("simulate", "Write a simulated crowd with known truth.") { preset, seed, tasks, perTask, workers, classes, spammers, goldShare, output };
        command.SetAction(parse =>
        {
            var name = parse.GetValue(preset)!;
            if (!string.Equals(name, DawidSkenePreset, StringComparison.OrdinalIgnoreCase))
            {
                stderr.WriteLine($"crowdfit simulate: unknown preset '{name}'; expected one of: {DawidSkenePreset}.");
                return 2;
            }

            var options = defaults with
            {
                Seed = parse.GetValue(seed),
                Tasks = parse.GetValue(tasks),
                AnswersPerTask = parse.GetValue(perTask),
                Workers = parse.GetValue(workers),
                Classes = parse.GetValue(classes),
                SpammerShare = parse.GetValue(spammers),
                GoldShare = parse.GetValue(goldShare),
            };
            return Run(options, parse.GetValue(output)!.FullName, stdout, stderr);
        });
        return command;
    }

    public static int Run(DawidSkeneCrowdOptions options, string directory, TextWriter stdout, TextWriter stderr)
    {
        var problems = options.Problems();
        if (problems.Count > 0)
        {
            stderr.WriteLine($"crowdfit simulate: {string.Join(" ", problems)}");
            return 2;
        }

        try
        {
            var clock = Stopwatch.StartNew();
            var files = DawidSkeneCrowd.WriteTo(options, directory);
            stdout.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"simulated {files.AnswerCount:N0} answers on {files.TaskCount:N0} tasks by {files.Workers.Count:N0} workers into {files.Directory} in {clock.Elapsed.TotalSeconds:F1} s"));
            return 0;
        }
        catch (IOException error)
        {
            stderr.WriteLine($"crowdfit simulate: cannot write {directory}: {error.Message}");
            return 2;
        }
    }
}
