using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CrowdFit.Formats;
using CrowdFit.Formats.Interchange;

namespace CrowdFit.Cli.Commands;

/// <summary><c>crowdfit convert</c>: rewrites an answer log or a platform export in another format.</summary>
internal static class ConvertCommand
{
    /// <summary>What to convert, from and to which formats, and where gold goes.</summary>
    public sealed record Settings(string Input, string Output, string? From = null, string? To = null, string? GoldOut = null, string? LabelColumn = null);

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var input = new Argument<FileInfo>("input") { Description = "The answers: a canonical log or a platform export." };
        var output = new Argument<FileInfo>("output") { Description = "The file to write; its extension chooses the format unless --to is given (.csv csv, .tsv toloka, .json label-studio, .parquet parquet)." };
        var from = new Option<string?>("--from", "--format") { Description = $"Format of the input: {AnswerFormats.Names}; detected from the file when left out." };
        var to = new Option<string?>("--to") { Description = $"Format of the output: {AnswerFormats.Names}." };
        var goldOut = new Option<FileInfo?>("--gold-out") { Description = "Also write the gold labels the export carries (Toloka GOLDEN:, Label Studio ground_truth) as a gold file task,label." };
        var labelColumn = new Option<string?>("--label-column") { Description = "The column holding the label when an export has several: an MTurk Answer.* column or option group, a Toloka OUTPUT: column." };
        var command = new Command("convert", "Convert answers between the canonical log and platform exports (MTurk, Toloka, Label Studio, Crowd-Kit).")
        {
            input, output, from, to, goldOut, labelColumn,
        };
        command.SetAction(parse => Run(
            new Settings(
                parse.GetValue(input)!.FullName,
                parse.GetValue(output)!.FullName,
                parse.GetValue(from),
                parse.GetValue(to),
                parse.GetValue(goldOut)?.FullName,
                parse.GetValue(labelColumn)),
            stdout,
            stderr));
        return command;
    }

    public static int Run(Settings settings, TextWriter stdout, TextWriter stderr)
    {
        var target = OutputFormat(settings);
        if (target is null)
        {
            stderr.WriteLine(settings.To is not null
                ? $"crowdfit convert: --to: expected a format among {AnswerFormats.Names}, found '{settings.To}'"
                : $"crowdfit convert: {settings.Output}: cannot tell the output format from the extension '{Path.GetExtension(settings.Output)}'; choose one with --to ({AnswerFormats.Names})");
            return 2;
        }

        return InputErrors.Guard("convert", stderr, () =>
        {
            var clock = Stopwatch.StartNew();
            var source = InputFormat(settings);
            var contents = ExportContents.Read(source, settings.Input);
            var answers = contents.Answers;
            stdout.WriteLine(Text($"read {answers.RowCount + contents.SkippedCount:N0} rows from {settings.Input} ({source.Name}) in {clock.Elapsed.TotalSeconds:F2} s: {answers.RowCount:N0} answers, {contents.SkippedCount:N0} skipped"));
            foreach (var skipped in contents.Skipped)
            {
                stdout.WriteLine(Text($"  skipped {skipped.Count:N0}: {skipped.Reason} (first on line {skipped.FirstLine})"));
            }

            var kept = target is IPlatformExport export ? [.. answers.ColumnNames.Where(export.WrittenColumns.Contains)] : answers.ColumnNames;
            var dropped = answers.ColumnNames.Except(kept).ToArray();
            stdout.WriteLine($"columns carried: {string.Join(", ", kept)}" + (dropped.Length > 0 ? $"; dropped (no place in {target.Name}): {string.Join(", ", dropped)}" : string.Empty));

            clock.Restart();
            var outputs = new List<OutputFile> { new(settings.Output, stream => target.Write(answers, stream)) };
            if (settings.GoldOut is not null)
            {
                outputs.Add(new OutputFile(settings.GoldOut, contents.WriteGold));
            }

            AtomicFile.WriteAll([.. outputs]);
            stdout.WriteLine(Text($"wrote {answers.RowCount:N0} answers to {settings.Output} ({target.Name}) in {clock.Elapsed.TotalSeconds:F2} s"));
            if (settings.GoldOut is not null)
            {
                var note = contents.Gold.Count == 0 ? $" (the {source.Name} input carries no gold)" : string.Empty;
                stdout.WriteLine(Text($"wrote {contents.Gold.Count:N0} gold labels to {settings.GoldOut}{note}"));
            }
        });
    }

    /// <summary>The format named by --to, else the one the output's extension stands for; null when neither says.</summary>
    private static IAnswerFormat? OutputFormat(Settings settings)
    {
        if (settings.To is not null)
        {
            return AnswerFormats.Find(settings.To);
        }

        var name = Path.GetExtension(settings.Output).ToLowerInvariant() switch
        {
            ".csv" => "csv",
            ".tsv" => "toloka",
            ".json" => "label-studio",
            ".parquet" => "parquet",
            _ => null,
        };
        return name is null ? null : AnswerFormats.Find(name);
    }

    /// <summary>The input's format, named or detected, reading the label from the chosen column when one is given.</summary>
    /// <exception cref="AnswerFormatException">The format is unknown or undetectable, or takes no label column.</exception>
    private static IAnswerFormat InputFormat(Settings settings)
    {
        var format = AnswerFormats.Resolve(settings.Input, settings.From);
        if (settings.LabelColumn is null)
        {
            return format;
        }

        return format switch
        {
            MTurkFormat => new MTurkFormat(settings.LabelColumn),
            TolokaFormat => new TolokaFormat(settings.LabelColumn),
            _ => throw new AnswerFormatException(settings.Input, 0, null, $"--label-column applies to mturk and toloka exports, not to {format.Name}"),
        };
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
