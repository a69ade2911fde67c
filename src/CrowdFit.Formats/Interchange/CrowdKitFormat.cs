using CrowdFit.Formats.Csv;

namespace CrowdFit.Formats.Interchange;

/// <summary>
/// The answers frame of Crowd-Kit (a pandas DataFrame with <c>task</c>, <c>worker</c> and <c>label</c>) saved as CSV
/// or TSV, as its datasets and <c>to_csv</c> produce it.
/// </summary>
/// <remarks>
/// Reading: the separator is a tab when the header line has one, else a comma; <c>worker</c> may be named
/// <c>performer</c> (Crowd-Kit before 1.0); a leading unnamed column (the frame's index) and columns that are not
/// canonical are ignored, canonical ones (such as <c>started_at</c>) are kept. Writing: CSV
/// <c>task,worker,label</c>.
/// </remarks>
public sealed class CrowdKitFormat : IPlatformExport
{
    /// <inheritdoc/>
    public string Name => "crowd-kit";

    /// <inheritdoc/>
    public string Description => "Crowd-Kit answers frame as CSV or TSV (task, worker or performer, label; an index column allowed)";

    /// <inheritdoc/>
    public string Extension => ".csv";

    /// <inheritdoc/>
    public IReadOnlyList<string> WrittenColumns { get; } = ["task", "worker", "label"];

    /// <inheritdoc/>
    public double Detect(string path, ReadOnlySpan<byte> head)
    {
        var separator = Separator(head);
        var names = AnswerFormats.HeaderNames(head, separator);
        var worker = names.Contains("worker");
        var performer = names.Contains("performer");
        if (!names.Contains("task") || !names.Contains("label") || !(worker || performer))
        {
            return 0;
        }

        // A comma-separated task,worker,label file is the canonical log's (0.8 or 1); these marks are Crowd-Kit's.
        return separator == '\t' || (performer && !worker) || names[0].Length == 0 ? 0.9 : 0.6;
    }

    /// <inheritdoc/>
    public AnswerTable Read(string path) => ReadExport(path).Answers;

    /// <inheritdoc/>
    public ExportContents ReadExport(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var separator = Separator(AnswerFormats.Head(path));
        using var parser = CsvFile.Open(path, 1 << 20, separator: separator);
        var header = ExportHeader.Read(parser, "task,worker,label");
        var map = new int[CanonicalColumns.Names.Count];
        for (var c = 0; c < map.Length; c++)
        {
            map[c] = header.IndexOf(CanonicalColumns.Names[c]);
        }

        map[CanonicalColumns.Worker] = map[CanonicalColumns.Worker] >= 0 ? map[CanonicalColumns.Worker] : header.IndexOf("performer");
        header.Require("task");
        if (map[CanonicalColumns.Worker] < 0)
        {
            throw header.Missing("worker", "a required column 'worker' (or 'performer')");
        }

        header.Require("label");
        var table = new AnswerTable(path, ImportCells.EstimateRows(path));
        for (var c = 0; c < map.Length; c++)
        {
            if (map[c] >= 0)
            {
                table.Include(c);
            }
        }

        while (parser.ReadRecord())
        {
            var line = parser.RecordLine;
            if (parser.FieldCount != header.Count)
            {
                throw new AnswerFormatException(path, line, null, $"expected {header.Count} fields as in the header, found {parser.FieldCount}");
            }

            table.AddRow(line);
            ImportCells.Required(table, CanonicalColumns.Task, parser.Field(map[CanonicalColumns.Task]), path, line, header.Names[map[CanonicalColumns.Task]], "a task id");
            ImportCells.Required(table, CanonicalColumns.Worker, parser.Field(map[CanonicalColumns.Worker]), path, line, header.Names[map[CanonicalColumns.Worker]], "a worker id");
            ImportCells.Required(table, CanonicalColumns.Label, parser.Field(map[CanonicalColumns.Label]), path, line, header.Names[map[CanonicalColumns.Label]], "a label");
            for (var c = CanonicalColumns.Label + 1; c < map.Length; c++)
            {
                if (map[c] >= 0)
                {
                    ImportCells.Optional(table, c, parser.Field(map[c]));
                }
            }
        }

        return new ExportContents(table, [], []);
    }

    /// <inheritdoc/>
    public void Write(AnswerTable answers, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(stream);
        var writer = new DelimitedWriter(stream, (byte)',');
        writer.Cell("task"u8);
        writer.Cell("worker"u8);
        writer.Cell("label"u8);
        writer.EndRow();
        for (var row = 0; row < answers.RowCount; row++)
        {
            writer.Cell(answers.Cell(row, CanonicalColumns.Task));
            writer.Cell(answers.Cell(row, CanonicalColumns.Worker));
            writer.Cell(answers.Cell(row, CanonicalColumns.Label));
            writer.EndRow();
        }

        writer.Flush();
    }

    /// <summary>A tab when the first line has one, else a comma.</summary>
    private static byte Separator(ReadOnlySpan<byte> head)
    {
        var end = head.IndexOfAny((byte)'\n', (byte)'\r');
        return (end < 0 ? head : head[..end]).Contains((byte)'\t') ? (byte)'\t' : (byte)',';
    }
}
