using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CrowdFit.Simulation;
using CrowdFit.Simulation.Adversarial;

namespace CrowdFit.Cli.Commands;

/// <summary><c>crowdfit simulate</c>: writes a simulated crowd with known truth.</summary>
internal static class SimulateCommand
{
    /// <summary>Name of the Dawid–Skene crowd preset, the shape used for speed benchmarks.</summary>
    public const string DawidSkenePreset = "dawid-skene";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var defaults = DawidSkeneCrowdOptions.Default;
        var preset = new Option<string>("--preset") { Description = $"Crowd to simulate: {DawidSkenePreset} (answers only, for speed), or a scenario with adversaries and its truth: {string.Join(", ", AdversarialCrowdOptions.PresetNames)}; or fair operations with planted pay, cohort and drift problems and its clean twin: {string.Join(", ", AdversarialCrowdOptions.OperationsPresetNames)}.", DefaultValueFactory = _ => DawidSkenePreset };
        var scale = new Option<double>("--scale") { Description = "For the adversarial scenarios: multiply tasks and accounts (each account keeps its workload).", DefaultValueFactory = _ => 1.0 };
        var seed = new Option<long>("--seed") { Description = "Random seed; the same seed gives the same files.", DefaultValueFactory = _ => defaults.Seed };
        var tasks = new Option<int>("--tasks") { Description = "Number of tasks.", DefaultValueFactory = _ => defaults.Tasks };
        var perTask = new Option<int>("--answers-per-task") { Description = "Distinct workers answering each task.", DefaultValueFactory = _ => defaults.AnswersPerTask };
        var workers = new Option<int>("--workers") { Description = "Number of workers.", DefaultValueFactory = _ => defaults.Workers };
        var classes = new Option<int>("--classes") { Description = "Number of classes.", DefaultValueFactory = _ => defaults.Classes };
        var spammers = new Option<double>("--spammers") { Description = "Share of workers who are spammers (half uniform, half constant).", DefaultValueFactory = _ => defaults.SpammerShare };
        var goldShare = new Option<double>("--gold-share") { Description = "Share of tasks also written to gold.csv.", DefaultValueFactory = _ => defaults.GoldShare };
        var output = new Option<DirectoryInfo>("--out") { Description = "Directory to write answers.csv, gold.csv, truth.csv and workers.csv into (required unless --live)." };
        var live = new Option<bool>("--live") { Description = "Run the closed loop instead of writing files: policies choose workers and extensions against the scenario's crowd, and their labels per task, accuracy, cost and answers spent on adversaries are compared." };
        var policy = new Option<string>("--policy") { Description = $"With --live: the policies to compare, comma-separated, or 'all' ({string.Join(", ", SimulateLive.AllPolicies)}). Known: {string.Join(", ", CrowdFit.Simulation.Live.LivePolicy.Known)}.", DefaultValueFactory = _ => "all" };
        var aql = new Option<double>("--aql") { Description = "With --live: the acceptable quality limit of the aql-* policies.", DefaultValueFactory = _ => 0.02 };
        var report = new Option<FileInfo>("--report") { Description = "With --live: also write the comparison as Markdown to this file." };
        var command = new Command("simulate", "Write a simulated crowd with known truth, or run it live against policies (--live).") { preset, seed, scale, tasks, perTask, workers, classes, spammers, goldShare, output, live, policy, aql, report };
        command.SetAction(parse =>
        {
            var name = parse.GetValue(preset)!;
            var liveOnly = new Option[] { policy, aql, report }.FirstOrDefault(o => parse.GetResult(o) is { Implicit: false });
            if (parse.GetValue(live))
            {
                var fileOnly = new Option[] { output, tasks, perTask, workers, classes, spammers, goldShare }.FirstOrDefault(o => parse.GetResult(o) is { Implicit: false });
                if (fileOnly is not null)
                {
                    stderr.WriteLine($"crowdfit simulate: {fileOnly.Name} does not apply to --live runs{(fileOnly == output ? " (use --report FILE.md for the comparison)" : "")}.");
                    return 2;
                }

                return SimulateLive.Run(parse, name, parse.GetValue(scale), parse.GetValue(seed), parse.GetValue(policy)!, parse.GetValue(aql), parse.GetValue(report)?.FullName, parse.GetResult(preset) is { Implicit: false }, stdout, stderr);
            }

            if (liveOnly is not null)
            {
                stderr.WriteLine($"crowdfit simulate: {liveOnly.Name} applies to --live runs only.");
                return 2;
            }

            if (parse.GetValue(output) is null)
            {
                stderr.WriteLine("crowdfit simulate: --out is required (the directory to write the crowd into), unless --live.");
                return 2;
            }
            if (AdversarialCrowdOptions.Preset(name) is { } scenario)
            {
                var crowdOnly = new Option[] { tasks, perTask, workers, classes, spammers, goldShare }.FirstOrDefault(o => parse.GetResult(o) is { Implicit: false });
                if (crowdOnly is not null)
                {
                    stderr.WriteLine($"crowdfit simulate: {crowdOnly.Name} applies to the {DawidSkenePreset} preset only; use --scale to resize '{name}'.");
                    return 2;
                }

                var factor = parse.GetValue(scale);
                if (!(factor is > 0 and <= 1000))
                {
                    stderr.WriteLine($"crowdfit simulate: --scale must be in (0, 1000] (was {factor.ToString(CultureInfo.InvariantCulture)}).");
                    return 2;
                }

                return RunAdversarial(scenario.Scale(factor) with { Seed = parse.GetValue(seed) }, parse.GetValue(output)!.FullName, stdout, stderr);
            }

            if (!string.Equals(name, DawidSkenePreset, StringComparison.OrdinalIgnoreCase))
            {
                stderr.WriteLine($"crowdfit simulate: --preset: unknown preset '{name}'; expected one of: {DawidSkenePreset}, {string.Join(", ", AdversarialCrowdOptions.PresetNames.Concat(AdversarialCrowdOptions.OperationsPresetNames))}.");
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

    /// <summary>Simulates an adversarial scenario and writes its log, gold and truth.</summary>
    public static int RunAdversarial(AdversarialCrowdOptions options, string directory, TextWriter stdout, TextWriter stderr)
    {
        if (options.Problems() is { Count: > 0 } problems)
        {
            stderr.WriteLine($"crowdfit simulate: {string.Join(" ", problems)}");
            return 2;
        }

        try
        {
            var clock = Stopwatch.StartNew();
            var crowd = AdversarialCrowd.Generate(options);
            crowd.WriteTo(directory);
            var kinds = crowd.Accounts.GroupBy(a => a.Kind).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.Name()}");
            stdout.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"simulated '{options.Name}': {crowd.AnswerCount:N0} answers on {options.Tasks:N0} tasks ({crowd.GoldCount:N0} gold) by {options.Accounts:N0} accounts into {directory} in {clock.Elapsed.TotalSeconds:F1} s"));
            stdout.WriteLine($"  accounts: {string.Join(", ", kinds)}");
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  bad answers: {crowd.BadAnswerCount:N0} ({(double)crowd.BadAnswerCount / crowd.AnswerCount:P1}); the truth is in {Path.Combine(directory, "truth")}"));
            return 0;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"crowdfit simulate: cannot write {directory}: {error.Message}");
            return 2;
        }
    }
}
