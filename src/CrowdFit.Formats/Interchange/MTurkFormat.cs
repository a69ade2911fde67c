using System.Buffers;
using System.Buffers.Text;

namespace CrowdFit.Formats.Interchange;

/// <summary>
/// Mechanical Turk batch results CSV: one row per assignment with <c>HITId</c>, <c>HITTypeId</c>, <c>Title</c>,
/// <c>Reward</c>, <c>AssignmentId</c>, <c>WorkerId</c>, <c>AssignmentStatus</c>, <c>AcceptTime</c>,
/// <c>SubmitTime</c>, <c>Input.*</c> and <c>Answer.*</c> columns.
/// </summary>
/// <remarks>
/// <para>
/// Reading: task = <c>HITId</c>; worker = <c>WorkerId</c>; label = the single <c>Answer.*</c> column, or, when the
/// answer is one flag column per option (<c>Answer.sentiment.positive</c> = <c>true</c>/<c>false</c> or
/// <c>on</c>/empty), the option whose flag is set; started_at and submitted_at from <c>AcceptTime</c> and
/// <c>SubmitTime</c> (<c>Tue Mar 05 10:12:44 PST 2019</c>, US zone abbreviations, UTC or GMT) as ISO 8601 UTC;
/// reward from <c>Reward</c> (<c>$0.05</c>); task_type from <c>HITTypeId</c>, or <c>Title</c> when that is empty;
/// project from <c>Title</c>.
/// Rejected assignments are answers too: their status is not a label. <c>Input.*</c> columns are ignored.
/// </para>
/// <para>
/// Writing: one row per answer with the columns above and one <c>Answer.label</c> column; <c>HITTypeId</c> holds
/// the task type, <c>Title</c> the project, times are written in UTC and <c>AssignmentStatus</c> is
/// <c>Submitted</c>. Canonical columns MTurk has no place for (ip, device, country, ...) are not written.
/// </para>
/// </remarks>
public sealed partial class MTurkFormat : IPlatformExport
{
    private static readonly string[] s_header =
        ["HITId", "HITTypeId", "Title", "Reward", "AssignmentId", "WorkerId", "AssignmentStatus", "AcceptTime", "SubmitTime", "WorkTimeInSeconds", "Answer.label"];

    private readonly string? _labelColumn;

    /// <summary>Creates the format; the label column is found from the header.</summary>
    public MTurkFormat()
    {
    }

    /// <summary>Creates the format reading the label from a chosen answer column.</summary>
    /// <param name="labelColumn">
    /// <c>Answer.comment</c> (or <c>comment</c>) for a text column, or <c>sentiment</c> for the option columns
    /// <c>Answer.sentiment.*</c>; <see langword="null"/> to find the only one.
    /// </param>
    public MTurkFormat(string? labelColumn) => _labelColumn = string.IsNullOrWhiteSpace(labelColumn) ? null : labelColumn.Trim();

    /// <inheritdoc/>
    public string Name => "mturk";

    /// <inheritdoc/>
    public string Description => "Mechanical Turk batch results CSV (HITId, WorkerId, AcceptTime, SubmitTime, Answer.*)";

    /// <inheritdoc/>
    public string Extension => ".csv";

    /// <inheritdoc/>
    public IReadOnlyList<string> WrittenColumns { get; } = ["task", "worker", "label", "started_at", "submitted_at", "task_type", "reward", "project"];

    /// <inheritdoc/>
    public double Detect(string path, ReadOnlySpan<byte> head)
    {
        var names = AnswerFormats.HeaderNames(head, (byte)',');
        return names.Contains("hitid") && names.Contains("workerid") && names.Contains("assignmentid") ? 1 : 0;
    }

    /// <inheritdoc/>
    public AnswerTable Read(string path) => ReadExport(path).Answers;

    /// <inheritdoc/>
    public void Write(AnswerTable answers, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(stream);
        var writer = new DelimitedWriter(stream, (byte)',');
        foreach (var name in s_header)
        {
            writer.Cell(name);
        }

        writer.EndRow();
        Span<byte> text = stackalloc byte[64];
        for (var row = 0; row < answers.RowCount; row++)
        {
            writer.Cell(answers.Cell(row, CanonicalColumns.Task));
            writer.Cell(answers.Cell(row, CanonicalColumns.TaskType));
            writer.Cell(answers.Cell(row, CanonicalColumns.Project));
            WriteReward(writer, answers.Cell(row, CanonicalColumns.Reward), text);
            Utf8Formatter.TryFormat(row + 1, text[1..], out var digits, new StandardFormat('D', 8));
            text[0] = (byte)'A';
            writer.Cell(text[..(digits + 1)]);
            writer.Cell(answers.Cell(row, CanonicalColumns.Worker));
            writer.Cell("Submitted"u8);
            var accepted = WriteTime(writer, answers, row, CanonicalColumns.StartedAt, text);
            var submitted = WriteTime(writer, answers, row, CanonicalColumns.SubmittedAt, text);
            var seconds = accepted is { } a && submitted is { } s && s >= a ? (s - a) / TimeSpan.TicksPerSecond : -1;
            writer.Cell(seconds >= 0 && Utf8Formatter.TryFormat(seconds, text, out var written) ? text[..written] : []);
            writer.Cell(answers.Cell(row, CanonicalColumns.Label));
            writer.EndRow();
        }

        writer.Flush();
    }

    private static void WriteReward(DelimitedWriter writer, ReadOnlySpan<byte> reward, Span<byte> text)
    {
        if (reward.IsEmpty || reward.Length >= text.Length)
        {
            writer.Cell(reward);
            return;
        }

        text[0] = (byte)'$';
        reward.CopyTo(text[1..]);
        writer.Cell(text[..(reward.Length + 1)]);
    }

    private static long? WriteTime(DelimitedWriter writer, AnswerTable answers, int row, int column, Span<byte> text)
    {
        var cell = answers.Cell(row, column);
        if (cell.IsEmpty || !Timestamps.TryParseIso(cell, out var ticks))
        {
            writer.Cell(cell);
            return null;
        }

        writer.Cell(text[..Timestamps.FormatMTurk(ticks, text)]);
        return ticks;
    }
}
