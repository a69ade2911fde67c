using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CrowdFit.Answers;
using CrowdFit.Configuration;
using CrowdFit.Formats;
using CrowdFit.Formats.Interchange;
using CrowdFit.Fraud;
using CrowdFit.Fraud.Rules;
using CrowdFit.Learning;
using CrowdFit.Operations;
using CrowdFit.Reports;
using CrowdFit.Truth;
using CrowdFit.Workforce;

namespace CrowdFit.Cli.Commands;

/// <summary><c>crowdfit analyze</c>: truth, fitness and fraud flags with reasons for an answer log.</summary>
internal static class AnalyzeCommand
{
    /// <summary>What to analyse and where to write.</summary>
    public sealed record Settings(string Answers, string? Gold, string? Rules, string? Confirmed, double FalsePositiveRate, string Method, string Output, int? Rounds = null, double PayFloor = 7.25, string? Report = null, string? Format = null, string? Risk = null);

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var answers = new Argument<FileInfo>("answers") { Description = "Answer log: CSV with task,worker,label and any optional context columns, or a platform export (see --format)." };
        var format = new Option<string?>("--format") { Description = $"Format of the answer log: {AnswerFormats.Names}; detected from the file when left out." };
        var risk = new Option<FileInfo?>("--risk") { Description = "Risk policy (JSON) such as {\"task_types\": {\"medical\": \"high\"}, \"default\": \"low\"}: sets each task type's risk class and so its review method in review.csv; without it classes are low, raised to medium where agreement is low." };
        var gold = new Option<FileInfo?>("--gold") { Description = "Gold file task,label: hidden gold (honeypots) scored per worker and clamped in the truth." };
        var rules = new Option<FileInfo?>("--rules") { Description = "Rules file (JSON) with hard rules such as more than 5 answers in 60 s (max-rate) or under 1 s per answer (min-seconds); see samples/rules.json and the README." };
        var confirmed = new Option<FileInfo?>("--confirmed") { Description = "Analysts' decisions task,worker,decision (fraud|ok); trains the supervised model." };
        var fpr = new Option<double>("--fpr") { Description = "Target share of honest workers (and answers) flagged.", DefaultValueFactory = _ => FraudScoringOptions.Default.FalsePositiveRate };
        var method = new Option<string>("--method") { Description = $"Truth method: {string.Join(", ", TruthMethods.Names)}.", DefaultValueFactory = _ => TruthMethods.AnalysisDefaultName };
        var rounds = new Option<int>("--rounds") { Description = "Rounds of infer truth, run the detectors, infer truth again without the flagged answers.", DefaultValueFactory = _ => FraudAnalysisOptions.Default.Rounds };
        var payFloor = new Option<double>("--pay-floor") { Description = "Hourly pay floor, in the reward column's currency: pay.csv and the summary show who and which task types earn under it (needs started_at, submitted_at and reward).", DefaultValueFactory = _ => PayOptions.Default.Floor };
        var report = new Option<FileInfo?>("--report") { Description = $"Also write one report of the analysis with charts; the extension picks the format: {string.Join(", ", ReportWriter.Extensions)} (HTML, Markdown, JSON)." };
        var output = new Option<DirectoryInfo>("--out") { Description = "Directory for labels.csv, workers.csv, flags.csv, rings.csv and (with times and rewards) pay.csv.", Required = true };
        var command = new Command("analyze", "Find fraud and error: per-answer and per-worker fraud probability with reasons, rings, and truth without the flagged answers.")
        {
            answers, format, gold, rules, confirmed, fpr, method, rounds, payFloor, risk, output, report,
        };
        command.SetAction(parse => Run(
            new Settings(
                parse.GetValue(answers)!.FullName,
                parse.GetValue(gold)?.FullName,
                parse.GetValue(rules)?.FullName,
                parse.GetValue(confirmed)?.FullName,
                parse.GetValue(fpr),
                parse.GetValue(method)!,
                parse.GetValue(output)!.FullName,
                parse.GetValue(rounds),
                parse.GetValue(payFloor),
                parse.GetValue(report)?.FullName,
                parse.GetValue(format),
                parse.GetValue(risk)?.FullName),
            stdout,
            stderr));
        return command;
    }

    public static int Run(Settings settings, TextWriter stdout, TextWriter stderr)
    {
        var format = settings.Report is { } reportPath ? ReportWriter.FormatOf(reportPath) : null;
        if (settings.Report is not null && format is null)
        {
            stderr.WriteLine($"crowdfit analyze: --report must name a {string.Join(", ", ReportWriter.Extensions)} file (was '{settings.Report}').");
            return 2;
        }

        var options = FraudAnalysisOptions.Default with
        {
            TruthMethod = settings.Method,
            Rounds = settings.Rounds ?? FraudAnalysisOptions.Default.Rounds,
            Scoring = FraudScoringOptions.Default with { FalsePositiveRate = settings.FalsePositiveRate, AnswerFalsePositiveRate = settings.FalsePositiveRate },
        };
        if (!(settings.PayFloor > 0) || double.IsInfinity(settings.PayFloor))
        {
            stderr.WriteLine($"crowdfit analyze: --pay-floor must be a positive number (was {settings.PayFloor.ToString(CultureInfo.InvariantCulture)}).");
            return 2;
        }

        if (options.Problems() is { Count: > 0 } problems)
        {
            // --fpr sets both the worker and the answer rate, so the two problems it causes read as one.
            var messages = problems.Select(p => p
                .Replace("AnswerFalsePositiveRate", "--fpr", StringComparison.Ordinal)
                .Replace("FalsePositiveRate", "--fpr", StringComparison.Ordinal)
                .Replace("TruthMethod", "--method", StringComparison.Ordinal)
                .Replace("Rounds", "--rounds", StringComparison.Ordinal));
            stderr.WriteLine($"crowdfit analyze: {string.Join(" ", messages.Distinct(StringComparer.Ordinal))}");
            return 2;
        }

        return InputErrors.Guard("analyze", stderr, () =>
        {
            var clock = Stopwatch.StartNew();
            var total = Stopwatch.StartNew();
            var (log, export) = ReadLog(settings);
            var policy = RiskFile(settings.Risk) ?? RiskPolicy.None;
            var answers = log.Answers;
            stdout.WriteLine(Text($"read {answers.Count:N0} answers: {answers.TaskCount:N0} tasks, {answers.WorkerCount:N0} workers, {answers.ClassCount} labels, {log.Gold?.Count ?? 0:N0} gold ({clock.Elapsed.TotalSeconds:F2} s)"));

            var detectors = RulesFile(settings.Rules) is { } rules ? FraudDetectors.Create(new RuleEngine(rules)) : FraudDetectors.Create();
            IReadOnlyList<IStackedDetector> stacked = settings.Confirmed is null ? [] : [new SupervisedFraudModel(ConfirmationReader.Read(settings.Confirmed, answers))];
            clock.Restart();
            var progress = new Progress(stdout, clock);
            var result = FraudAnalysis.Run(answers, log.Context, log.Gold, detectors, options, stacked, progress);

            var pay = log.Context is { } context ? EffectivePay.Analyze(answers, context, PayOptions.Default with { Floor = settings.PayFloor, Currency = "" }) : null;

            var review = ReviewPlan.Analyze(answers, result.Truth, log.Context, policy, log.Gold);

            clock.Restart();
            var written = AnalysisFiles.Write(settings.Output, result, pay, review);
            stdout.WriteLine(Text($"wrote {string.Join(", ", written.Select(Path.GetFileName))} to {settings.Output} ({clock.Elapsed.TotalSeconds:F2} s)"));
            PrintSummary(result, stdout, total.Elapsed);
            PrintPay(pay, stdout);
            PrintReview(review, stdout);
            PrintAbandonment(export, answers.Count, stdout);
            var inputs = AnalysisInputs.Compute(result, pay, Path.GetFileName(settings.Answers), auditGold: format is not null);
            if (log.Context is { } audited)
            {
                PrintOperations(inputs, stdout);
                PrintMoreCohorts(result, audited, stdout);
            }

            if (settings.Report is { } path && format is { } chosen)
            {
                clock.Restart();
                WriteReport(path, chosen, AnalysisReportBuilder.Build(inputs));
                stdout.WriteLine(Text($"wrote the report to {path} ({clock.Elapsed.TotalSeconds:F2} s)"));
            }
        });
    }

    /// <summary>Writes the report through a temporary file, so a reader never sees half of it.</summary>
    private static void WriteReport(string path, ReportFormat format, AnalysisReport report)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true);
            ReportWriter.Write(report, format, writer);
        });
    }

    /// <summary>Operations metrics, drift by day and the cohort audit by country, each only when the log has what it needs.</summary>
    private static void PrintOperations(AnalysisInputs inputs, TextWriter stdout)
    {
        if (inputs.Operations is { } metrics)
        {
            stdout.WriteLine(Text($"operations: agreement {metrics.AgreementRate:P1}, gold pass {metrics.GoldPassRate:P1}, first answer overturned on {metrics.CorrectionRate:P1} of tasks, {metrics.ReworkPer100:N0} answers beyond the first per 100 tasks, {metrics.FlagRate:P1} of answers flagged"));
            foreach (var row in metrics.Scorecard.Take(5))
            {
                stdout.WriteLine(Text($"  project {row.Name}: {row.Answers:N0} answers by {row.Workers:N0} workers, agreement {row.AgreementRate:P1}, gold pass {row.GoldPassRate:P1}, {row.FlagRate:P1} flagged"));
            }
        }

        if (inputs.Drift is { Ran: true } drift)
        {
            stdout.WriteLine(Text($"drift: {drift.Windows.Count:N0} windows by day, {drift.Alerts.Count:N0} alerts"));
            foreach (var alert in drift.Alerts.Take(10))
            {
                stdout.WriteLine($"  {alert.Text}");
            }
        }

        if (inputs.Cohorts is { Ran: true } cohorts)
        {
            stdout.WriteLine(Text($"cohorts by {cohorts.Column}: {cohorts.Cohorts.Count:N0}, {cohorts.Findings.Count:N0} flagged more often than the difficulty of their tasks explains"));
            foreach (var finding in cohorts.Findings)
            {
                stdout.WriteLine($"  {finding}");
            }
        }
    }

    /// <summary>The vendor scorecard and the cohort audits by vendor and by tenure, when the log has what they need.</summary>
    private static void PrintMoreCohorts(FraudAnalysisResult result, AnswerContext context, TextWriter stdout)
    {
        var answers = result.Log.Answers;
        if (context.HasVendor)
        {
            var vendors = OperationsMetrics.Compute(answers, result.Truth, result.Log.Gold.Count > 0 ? result.Log.Gold : null, result.Scores.AnswerFlagged, context, ScorecardColumn.Vendor);
            foreach (var row in vendors.Scorecard.Take(10))
            {
                stdout.WriteLine(Text($"  vendor {row.Name}: {row.Answers:N0} answers by {row.Workers:N0} workers, agreement {row.AgreementRate:P1}, gold pass {row.GoldPassRate:P1}, first answer overturned on {row.CorrectionRate:P1}, {row.FlagRate:P1} flagged"));
            }
        }

        var difficulty = AnalysisInputs.Disagreement(answers);
        string[] columns = context.HasVendor ? [CohortOptions.VendorColumn, CohortOptions.TenureColumn] : [CohortOptions.TenureColumn];
        foreach (var column in columns)
        {
            var cohorts = CohortAudit.Analyze(answers, context, result.Scores.WorkerFlagged, difficulty, CohortOptions.Default with { Column = column });
            if (!cohorts.Ran)
            {
                continue;
            }

            stdout.WriteLine(Text($"cohorts by {cohorts.Column}: {cohorts.Cohorts.Count:N0}, {cohorts.Findings.Count:N0} flagged more often than the difficulty of their tasks explains"));
            foreach (var finding in cohorts.Findings)
            {
                stdout.WriteLine($"  {finding}");
            }
        }
    }

    /// <summary>
    /// Reads the answers: the canonical log directly, a platform export through its table, keeping the export's
    /// assignments that hold no answer (skipped, expired, cancelled) for the abandonment rate.
    /// </summary>
    private static (AnswerLog Log, ExportContents? Export) ReadLog(Settings settings)
    {
        var format = AnswerFormats.Resolve(settings.Answers, settings.Format);
        if (format is CanonicalCsvFormat)
        {
            return (AnswerLogReader.Read(settings.Answers, settings.Gold), null);
        }

        var export = ExportContents.Read(format, settings.Answers);
        return (AnswerLogReader.Read(export.Answers, settings.Gold), export);
    }

    /// <summary>Abandonment (SPEC G5): the share of assignments that ended without an answer, which only an export shows.</summary>
    private static void PrintAbandonment(ExportContents? export, int answers, TextWriter stdout)
    {
        if (export is null)
        {
            stdout.WriteLine("abandonment: not measured, the log holds submitted answers only (a platform export, such as Toloka's with its skipped and expired assignments, shows it)");
            return;
        }

        var ended = export.SkippedCount;
        var reasons = string.Join("; ", export.Skipped.Select(r => Text($"{r.Count:N0} {r.Reason}")));
        stdout.WriteLine(Text($"abandonment: {ended:N0} of {answers + ended:N0} assignments ended without an answer ({(double)ended / Math.Max(1, answers + ended):P1}){(ended > 0 ? ": " + reasons : "")}"));
    }

    private static void PrintReview(ReviewPlanReport review, TextWriter stdout)
    {
        var classes = review.Classes.Where(c => c.Tasks > 0).Select(c => Text($"{RiskPolicy.Name(c.Class)} {c.Tasks:N0} tasks by {ReviewCsvWriter.MethodName(c.Method)}, {c.Selected:N0} to review ({c.ReviewLoad:P1})"));
        stdout.WriteLine($"review: {string.Join("; ", classes)}{(review.ByTaskType ? "" : $" ({review.TypesSkippedBecause})")}");
        foreach (var note in review.Notes.Take(5))
        {
            stdout.WriteLine($"  {note}");
        }
    }

    private static void PrintPay(PayReport? pay, TextWriter stdout)
    {
        if (pay is null || !pay.Ran)
        {
            stdout.WriteLine($"pay: not measured, {pay?.SkippedBecause ?? "the log has only the required columns"}");
            return;
        }

        var below = pay.Workers.Count(w => w.BelowFloor);
        stdout.WriteLine(Text($"pay: {pay.Hours:N1} h of work, {pay.Paid:N2} paid, {pay.Paid / Math.Max(pay.Hours, 1e-9):N2}/h overall; {below:N0} of {pay.Workers.Count:N0} workers under the floor {pay.Floor:N2}/h"));
        foreach (var flag in pay.Flags)
        {
            stdout.WriteLine($"  {flag}");
        }
    }

    private static FraudRules? RulesFile(string? path) => ConfigFile(path, FraudRules.Parse);

    private static RiskPolicy? RiskFile(string? path) => ConfigFile(path, RiskPolicy.Parse);

    /// <summary>Parses a JSON configuration file; its problems become bad-input errors naming the file, line and field.</summary>
    private static T? ConfigFile<T>(string? path, Func<Stream, T> parse)
        where T : class
    {
        if (path is null)
        {
            return null;
        }

        try
        {
            using var stream = File.OpenRead(path);
            return parse(stream);
        }
        catch (ConfigurationFileException error)
        {
            throw new AnswerFormatException(path, error.Line, error.Field, error.Detail);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new AnswerFormatException(path, 0, null, "expected an existing file, found none (file not found)");
        }
    }

    private static void PrintSummary(FraudAnalysisResult result, TextWriter stdout, TimeSpan elapsed)
    {
        var scores = result.Scores;
        var answers = result.Log.Answers;
        stdout.WriteLine(Text($"flagged {scores.FlaggedWorkerCount:N0} of {answers.WorkerCount:N0} workers and {scores.FlaggedAnswerCount:N0} of {answers.Count:N0} answers at a false positive rate of {scores.WorkerThreshold:P1} ({elapsed.TotalSeconds:F2} s in all)"));
        foreach (var report in result.Reports.Where(r => !r.Ran))
        {
            stdout.WriteLine($"  {report.Detector}: skipped, {report.SkippedBecause}");
        }

        var top = Enumerable.Range(0, answers.WorkerCount).Where(w => scores.WorkerFlagged[w]).OrderBy(w => scores.WorkerP[w]).ThenBy(w => answers.WorkerIds[w], StringComparer.Ordinal).Take(10).ToArray();
        foreach (var w in top)
        {
            var reasons = scores.WorkerReasons(w);
            stdout.WriteLine(Text($"  {answers.WorkerIds[w]}: {scores.WorkerProbability[w]:F3}  {(reasons.Length > 140 ? reasons[..137] + "..." : reasons)}"));
        }

        if (scores.FlaggedWorkerCount > top.Length)
        {
            stdout.WriteLine(Text($"  ... and {scores.FlaggedWorkerCount - top.Length:N0} more in workers.csv"));
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Prints each step with the seconds since the analysis began; detectors report from several threads.</summary>
    private sealed class Progress(TextWriter stdout, Stopwatch clock) : IProgress<string>
    {
        private readonly Lock _gate = new();

        public void Report(string value)
        {
            lock (_gate)
            {
                stdout.WriteLine(Text($"  [{clock.Elapsed.TotalSeconds,6:F2} s] {value}"));
            }
        }
    }
}
