using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CrowdFit.Formats;
using CrowdFit.Formats.Interchange;
using CrowdFit.Truth;

namespace CrowdFit.Cli.Commands;

/// <summary><c>crowdfit aggregate</c>: infers every task's label and every worker's quality from an answer log.</summary>
internal static class AggregateCommand
{
    /// <summary>What to aggregate and where to write.</summary>
    public sealed record Settings(string Answers, string? Gold, string? Scores, string Method, string Output, bool PerAnswer, string? Format = null);

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var answers = new Argument<FileInfo>("answers") { Description = "Answer log: CSV with task,worker,label (and optional context columns), or a platform export (see --format)." };
        var format = new Option<string?>("--format") { Description = $"Format of the answer log: {AnswerFormats.Names}; detected from the file when left out." };
        var gold = new Option<FileInfo?>("--gold") { Description = "Gold file task,label; gold tasks are clamped to their label." };
        var scores = new Option<FileInfo?>("--scores") { Description = "Model scores task,label,score; the model joins as one more worker." };
        var method = new Option<string>("--method") { Description = $"Truth method: {string.Join(", ", TruthMethods.Names)}.", DefaultValueFactory = _ => TruthMethods.DefaultName };
        var output = new Option<DirectoryInfo>("--out") { Description = "Directory for labels.csv and workers.csv.", Required = true };
        var perAnswer = new Option<bool>("--per-answer") { Description = "Also write answers.csv with each answer's probability of being correct." };
        var command = new Command("aggregate", "Infer true labels with confidence and each worker's confusion matrix.") { answers, format, gold, scores, method, output, perAnswer };
        command.SetAction(parse => Run(
            new Settings(
                parse.GetValue(answers)!.FullName,
                parse.GetValue(gold)?.FullName,
                parse.GetValue(scores)?.FullName,
                parse.GetValue(method)!,
                parse.GetValue(output)!.FullName,
                parse.GetValue(perAnswer),
                parse.GetValue(format)),
            stdout,
            stderr));
        return command;
    }

    public static int Run(Settings settings, TextWriter stdout, TextWriter stderr)
    {
        ITruthMethod method;
        try
        {
            method = TruthMethods.Create(settings.Method);
        }
        catch (ArgumentException error)
        {
            stderr.WriteLine($"crowdfit aggregate: --method: {error.Message}");
            return 2;
        }

        return InputErrors.Guard("aggregate", stderr, () =>
        {
            var clock = Stopwatch.StartNew();
            var log = AnswerFormats.ReadLog(settings.Answers, settings.Format, settings.Gold, settings.Scores);
            var answers = log.Answers;
            stdout.WriteLine(Text(
                $"read {answers.Count:N0} answers: {answers.TaskCount:N0} tasks, {answers.WorkerCount:N0} workers, {answers.ClassCount} labels, {log.Gold?.Count ?? 0:N0} gold ({clock.Elapsed.TotalSeconds:F2} s)"));

            clock.Restart();
            var result = method.Infer(answers, log.Gold);
            var convergence = result.Converged ? "converged" : "stopped at the iteration limit";
            stdout.WriteLine(Text($"{method.Name}: {result.Iterations} iterations, {convergence} ({clock.Elapsed.TotalSeconds:F2} s)"));

            // Gold efficacy: the crowd's own view of every gold item, to find wrong gold.
            var audit = log.Gold is { Count: > 0 } gold ? GoldAudit.Audit(answers, gold, method) : null;
            if (audit is not null)
            {
                stdout.WriteLine(Text($"gold audit: {audit.Count:N0} gold items, {audit.Count(i => i.Suspect):N0} whose gold label the crowd makes unlikely (≤ 5 %)"));
            }

            clock.Restart();
            var written = ResultFiles.Write(settings.Output, result, settings.PerAnswer, audit);
            stdout.WriteLine(Text($"wrote {string.Join(", ", written.Select(Path.GetFileName))} to {settings.Output} ({clock.Elapsed.TotalSeconds:F2} s)"));
            Summary.Print(result, stdout);
        });
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
