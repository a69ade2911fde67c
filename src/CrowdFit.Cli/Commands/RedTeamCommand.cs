using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using CrowdFit.Formats;
using CrowdFit.Fraud;
using CrowdFit.Simulation.Adversarial;
using CrowdFit.Simulation.RedTeam;

namespace CrowdFit.Cli.Commands;

/// <summary><c>crowdfit redteam</c>: every adversarial scenario through the analysis, scored against its truth.</summary>
internal static class RedTeamCommand
{
    /// <summary>Adversary kinds whose answers are all bad from their turn on: the answers-to-flag delay is measured for them.</summary>
    /// <summary>Share of the images preset's labels that must be right once flagged answers are left out.</summary>
    private const double LabelTarget = 0.99;

    private static readonly string[] s_spammers = ["uniform-spammer", "constant-spammer", "fast-bot", "sleeper", "gold-aware"];

    /// <summary>What to run.</summary>
    public sealed record Settings(long Seed, IReadOnlyList<string> Presets, double Scale, int Checkpoints, string? Report, string? Work);

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var seed = new Option<long>("--seed") { Description = "Seed of the simulated crowds.", DefaultValueFactory = _ => 1 };
        var presets = new Option<string>("--presets") { Description = $"Comma-separated scenarios to run: {string.Join(", ", AdversarialCrowdOptions.PresetNames)}.", DefaultValueFactory = _ => string.Join(",", AdversarialCrowdOptions.PresetNames) };
        var scale = new Option<double>("--scale") { Description = "Multiply each scenario's tasks and accounts.", DefaultValueFactory = _ => 1.0 };
        var checkpoints = new Option<int>("--checkpoints") { Description = "Analyses of each log with every adversary cut off after its first n bad answers, n rising from 5, to count the bad answers a spammer gives before it is flagged (0 skips them).", DefaultValueFactory = _ => 16 };
        var report = new Option<FileInfo?>("--report") { Description = "Also write the results as Markdown to this file." };
        var work = new Option<DirectoryInfo?>("--work") { Description = "Keep the simulated logs and analyses in this directory (default: a temporary one, deleted afterwards)." };
        var command = new Command("redteam", "Simulate every adversarial scenario, analyse it, and score the flags against the known truth per adversary kind.")
        {
            seed, presets, scale, checkpoints, report, work,
        };
        command.SetAction(parse => Run(
            new Settings(
                parse.GetValue(seed),
                parse.GetValue(presets)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                parse.GetValue(scale),
                parse.GetValue(checkpoints),
                parse.GetValue(report)?.FullName,
                parse.GetValue(work)?.FullName),
            stdout,
            stderr));
        return command;
    }

    public static int Run(Settings settings, TextWriter stdout, TextWriter stderr)
    {
        if (settings.Presets.FirstOrDefault(p => AdversarialCrowdOptions.Preset(p) is null) is { } unknown)
        {
            stderr.WriteLine($"crowdfit redteam: unknown scenario '{unknown}' in --presets; expected some of: {string.Join(", ", AdversarialCrowdOptions.PresetNames)}.");
            return 2;
        }

        if (settings.Presets.Count == 0 || !(settings.Scale is > 0 and <= 100) || settings.Checkpoints is < 0 or > 200)
        {
            stderr.WriteLine("crowdfit redteam: --presets needs at least one scenario, --scale must be in (0, 100] and --checkpoints in [0, 200].");
            return 2;
        }

        var root = settings.Work ?? Path.Combine(Path.GetTempPath(), $"crowdfit-redteam-{Environment.ProcessId}-{Path.GetRandomFileName()}");
        try
        {
            var rows = new List<RedTeamRow>();
            var notes = new List<string>();
            var labelMisses = new List<string>();
            var total = Stopwatch.StartNew();
            foreach (var name in settings.Presets)
            {
                var (scenarioRows, scenarioNotes, scenarioMisses) = RunScenario(name, settings, Path.Combine(root, name), stdout);
                rows.AddRange(scenarioRows);
                notes.AddRange(scenarioNotes);
                labelMisses.AddRange(scenarioMisses);
            }

            var table = RedTeamTable.Markdown(rows);
            stdout.WriteLine();
            stdout.Write(table);
            stdout.WriteLine();
            foreach (var note in notes)
            {
                stdout.WriteLine(note);
            }

            var misses = Targets(rows).Concat(labelMisses).ToArray();
            stdout.WriteLine(misses.Length == 0 ? "every red-team target met" : $"{misses.Length} red-team target(s) missed:");
            foreach (var miss in misses)
            {
                stdout.WriteLine($"  {miss}");
            }

            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"red team done in {total.Elapsed.TotalSeconds:F1} s"));
            if (settings.Report is { } path)
            {
                AtomicFile.Write(path, stream =>
                {
                    using var writer = new StreamWriter(stream, new UTF8Encoding(false));
                    writer.Write(ReportText(settings, table, notes, misses));
                });
                stdout.WriteLine($"wrote {path}");
            }

            return 0;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"crowdfit redteam: {error.Message}");
            return 2;
        }
        finally
        {
            if (settings.Work is null && Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static (IReadOnlyList<RedTeamRow> Rows, IReadOnlyList<string> Notes, IReadOnlyList<string> Misses) RunScenario(string name, Settings settings, string directory, TextWriter stdout)
    {
        var clock = Stopwatch.StartNew();
        var options = AdversarialCrowdOptions.Preset(name)!.Scale(settings.Scale) with { Seed = settings.Seed };
        AdversarialCrowd.Generate(options).WriteTo(directory);
        var log = AnswerLogReader.Read(Path.Combine(directory, AdversarialCrowd.AnswersFileName), Path.Combine(directory, AdversarialCrowd.GoldFileName));
        var truth = RedTeamTruth.Read(directory);
        stdout.WriteLine(Text($"{name}: {log.Answers.Count:N0} answers by {log.Answers.WorkerCount:N0} accounts simulated and read ({clock.Elapsed.TotalSeconds:F1} s)"));

        clock.Restart();
        var detectors = FraudDetectors.Create();
        var analysisOptions = FraudAnalysisOptions.Default;
        var result = FraudAnalysis.Run(log.Answers, log.Context, log.Gold, detectors, analysisOptions);
        AnalysisFiles.Write(Path.Combine(directory, "analysis"), result);
        var analysisSeconds = clock.Elapsed.TotalSeconds;
        stdout.WriteLine(Text($"{name}: analysed in {analysisSeconds:F1} s; {result.Scores.FlaggedWorkerCount:N0} accounts and {result.Scores.FlaggedAnswerCount:N0} answers flagged"));

        IReadOnlyDictionary<string, double>? delays = null;
        if (settings.Checkpoints > 0 && truth.Kinds.Any(k => s_spammers.Contains(k)))
        {
            clock.Restart();
            delays = AnswersToFlag.Measure(log.Answers, log.Context, log.Gold, detectors, analysisOptions, truth, settings.Checkpoints, s_spammers.ToHashSet(StringComparer.Ordinal));
            delays = delays.Where(d => s_spammers.Contains(d.Key)).ToDictionary();
            stdout.WriteLine(Text($"{name}: answers to flag measured with up to {settings.Checkpoints} cut-offs in {clock.Elapsed.TotalSeconds:F1} s"));
        }

        var notes = new List<string> { Text($"- {name}: analysis of {log.Answers.Count:N0} answers took {analysisSeconds:F1} s.") };
        var (before, after, known) = LabelAccuracy(log, result, truth);
        notes.Add(Text($"- {name}: labels {after:P2} correct after leaving out flagged answers ({before:P2} from {FraudAnalysisOptions.Default.TruthMethod} on every answer; {known:N0} tasks)."));
        List<string> misses = [];
        if (name == "images" && after < LabelTarget)
        {
            misses.Add(Text($"images: labels {after:P2} correct after leaving out flagged answers < {LabelTarget:P0}"));
        }

        return (RedTeamEvaluation.Score(name, log.Answers, result.Scores, truth, delays), notes, misses);
    }

    /// <summary>Share of tasks whose label is right, from truth on all answers and from the analysis' truth without flagged answers.</summary>
    private static (double Before, double After, int Tasks) LabelAccuracy(AnswerLog log, FraudAnalysisResult result, RedTeamTruth truth)
    {
        var answers = log.Answers;
        var plain = Truth.TruthMethods.Create(FraudAnalysisOptions.Default.TruthMethod).Infer(answers, log.Gold);
        int known = 0, rightBefore = 0, rightAfter = 0;
        for (var t = 0; t < answers.TaskCount; t++)
        {
            if (truth.TrueLabelOf(answers.TaskIds[t]) is not { } label)
            {
                continue;
            }

            known++;
            rightBefore += answers.Labels[plain.Label(t)] == label ? 1 : 0;
            rightAfter += answers.Labels[result.Truth.Label(t)] == label ? 1 : 0;
        }

        return known == 0 ? (double.NaN, double.NaN, 0) : ((double)rightBefore / known, (double)rightAfter / known, known);
    }

    /// <summary>The issue's targets, one line per miss.</summary>
    private static IEnumerable<string> Targets(IEnumerable<RedTeamRow> rows)
    {
        foreach (var row in rows.Where(r => r.Kind != "all"))
        {
            var where = $"{row.Scenario}/{row.Kind}";
            if (row.Workers.Recall < 0.95)
            {
                yield return Text($"{where}: worker recall {row.Workers.Recall:F3} < 0.95");
            }

            if (row.Workers.FalsePositiveRate > 0.01)
            {
                yield return Text($"{where}: honest workers flagged {row.Workers.FalsePositiveRate:P2} > 1 %");
            }

            if (row.Answers.AveragePrecision < 0.90)
            {
                yield return Text($"{where}: answer AUPRC {row.Answers.AveragePrecision:F3} < 0.90");
            }

            if (row.MedianAnswersToFlag > 20)
            {
                yield return Text($"{where}: median answers before the flag {row.MedianAnswersToFlag:0.#} > 20");
            }

            if (row.Kind == "time-thief" && (row.Answers.Recall < 0.95 || row.Answers.FalsePositiveRate > 0.02))
            {
                yield return Text($"{where}: inflated claims flagged {row.Answers.Recall:P1} (target ≥ 95 %), honest claims flagged {row.Answers.FalsePositiveRate:P2} (target ≤ 2 %)");
            }
        }
    }

    private static string ReportText(Settings settings, string table, IEnumerable<string> notes, string[] misses)
    {
        var text = new StringBuilder();
        text.AppendLine("# Red team");
        text.AppendLine();
        text.AppendLine(Text($"Command: `crowdfit redteam --seed {settings.Seed} --presets {string.Join(",", settings.Presets)} --scale {settings.Scale} --checkpoints {settings.Checkpoints}`"));
        text.AppendLine();
        text.AppendLine(Text($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; run {DateTime.UtcNow:yyyy-MM-dd}."));
        text.AppendLine();
        text.AppendLine("Worker level: an account is positive when its kind is the row's kind, negative when honest. Answer level: an answer is positive when the row's attack made it, negative when no attack did. FPR is the share of negatives flagged; AUPRC ranks by the combined p-value. \"answers to flag\" is the median number of bad answers an account of that kind gave before it was flagged, from analyses of the log with every adversary cut off after its first n bad answers (n = 5, 10, … 30, then rising geometrically). For time thieves the answer row is the claim level: recall is the share of inflated claims flagged, FPR the share of other claims flagged.");
        text.AppendLine();
        text.Append(table);
        text.AppendLine();
        foreach (var note in notes)
        {
            text.AppendLine(note);
        }

        text.AppendLine();
        text.AppendLine(misses.Length == 0 ? "Every target met." : "Targets missed:");
        text.AppendLine();
        foreach (var miss in misses)
        {
            text.AppendLine($"- {miss}");
        }

        return text.ToString();
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
