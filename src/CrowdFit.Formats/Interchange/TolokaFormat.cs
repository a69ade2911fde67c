using System.Buffers;
using System.Buffers.Text;

namespace CrowdFit.Formats.Interchange;

/// <summary>
/// Toloka assignments TSV: tab-separated, with <c>INPUT:</c>, <c>OUTPUT:</c>, <c>GOLDEN:</c>, <c>HINT:</c> and
/// <c>ASSIGNMENT:</c> columns, one row per assignment.
/// </summary>
/// <remarks>
/// <para>
/// Reading: task = <c>ASSIGNMENT:task_id</c> (without it, the <c>INPUT:</c> values joined with <c>|</c>); worker =
/// <c>ASSIGNMENT:worker_id</c>; label = the <c>OUTPUT:</c> column (the chosen one when there are several, else the
/// first); started_at and submitted_at from <c>ASSIGNMENT:started</c> and <c>ASSIGNMENT:submitted</c> (ISO 8601,
/// UTC); reward from <c>ASSIGNMENT:reward</c> when present. Rows whose output is empty (skipped or expired
/// assignments) hold no answer: they are left out and counted by status. A non-empty <c>GOLDEN:</c> value of the
/// label's column is the task's gold label. Fields may be quoted as in RFC 4180.
/// </para>
/// <para>
/// Writing: <c>INPUT:task</c>, <c>OUTPUT:result</c> and the <c>ASSIGNMENT:</c> columns task_id, assignment_id,
/// worker_id, status (<c>SUBMITTED</c>), started, submitted (UTC, to the millisecond) and reward.
/// </para>
/// </remarks>
public sealed partial class TolokaFormat : IPlatformExport
{
    private const string Output = "OUTPUT:";

    private static readonly string[] s_header =
        ["INPUT:task", "OUTPUT:result", "ASSIGNMENT:task_id", "ASSIGNMENT:assignment_id", "ASSIGNMENT:worker_id", "ASSIGNMENT:status", "ASSIGNMENT:started", "ASSIGNMENT:submitted", "ASSIGNMENT:reward"];

    private readonly string? _outputColumn;

    /// <summary>Creates the format; the label is the first <c>OUTPUT:</c> column.</summary>
    public TolokaFormat()
    {
    }

    /// <summary>Creates the format reading the label from a chosen output column.</summary>
    /// <param name="outputColumn">
    /// The output's name, such as <c>result</c> or <c>OUTPUT:result</c>; <see langword="null"/> for the first one.
    /// </param>
    public TolokaFormat(string? outputColumn) => _outputColumn = string.IsNullOrWhiteSpace(outputColumn) ? null : outputColumn.Trim();

    /// <inheritdoc/>
    public string Name => "toloka";

    /// <inheritdoc/>
    public string Description => "Toloka assignments TSV (INPUT:, OUTPUT:, GOLDEN:, ASSIGNMENT: columns)";

    /// <inheritdoc/>
    public string Extension => ".tsv";

    /// <inheritdoc/>
    public IReadOnlyList<string> WrittenColumns { get; } = ["task", "worker", "label", "started_at", "submitted_at", "reward"];

    /// <inheritdoc/>
    public double Detect(string path, ReadOnlySpan<byte> head) =>
        AnswerFormats.HeaderNames(head, (byte)'\t').Contains("assignment:worker_id") ? 1 : 0;

    /// <inheritdoc/>
    public AnswerTable Read(string path) => ReadExport(path).Answers;

    /// <inheritdoc/>
    public void Write(AnswerTable answers, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(stream);
        var writer = new DelimitedWriter(stream, (byte)'\t');
        foreach (var name in s_header)
        {
            writer.Cell(name);
        }

        writer.EndRow();
        Span<byte> text = stackalloc byte[Timestamps.MaxBytes];
        for (var row = 0; row < answers.RowCount; row++)
        {
            var task = answers.Cell(row, CanonicalColumns.Task);
            writer.Cell(task);
            writer.Cell(answers.Cell(row, CanonicalColumns.Label));
            writer.Cell(task);
            Utf8Formatter.TryFormat(row + 1, text[1..], out var digits, new StandardFormat('D', 8));
            text[0] = (byte)'a';
            writer.Cell(text[..(digits + 1)]);
            writer.Cell(answers.Cell(row, CanonicalColumns.Worker));
            writer.Cell("SUBMITTED"u8);
            WriteTime(writer, answers.Cell(row, CanonicalColumns.StartedAt), text);
            WriteTime(writer, answers.Cell(row, CanonicalColumns.SubmittedAt), text);
            writer.Cell(answers.Cell(row, CanonicalColumns.Reward));
            writer.EndRow();
        }

        writer.Flush();
    }

    private static void WriteTime(DelimitedWriter writer, ReadOnlySpan<byte> cell, Span<byte> text)
    {
        if (cell.IsEmpty || !Timestamps.TryParseIso(cell, out var ticks))
        {
            writer.Cell(cell);
            return;
        }

        writer.Cell(text[..Timestamps.FormatIsoLocal(ticks, text, fractionDigits: 3)]);
    }
}
