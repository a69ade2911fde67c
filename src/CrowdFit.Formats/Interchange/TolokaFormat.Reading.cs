using System.Text;
using CrowdFit.Formats.Csv;

namespace CrowdFit.Formats.Interchange;

/// <summary>Reading an assignments file.</summary>
public sealed partial class TolokaFormat
{
    /// <inheritdoc/>
    public ExportContents ReadExport(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var parser = CsvFile.Open(path, 1 << 20, separator: (byte)'\t');
        var header = ExportHeader.Read(parser, "INPUT:..., OUTPUT:..., ASSIGNMENT:task_id, ASSIGNMENT:worker_id");
        var worker = header.Require("ASSIGNMENT:worker_id");
        var taskId = header.IndexOf("ASSIGNMENT:task_id");
        var inputs = taskId >= 0 ? [] : Enumerable.Range(0, header.Count).Where(i => header.Names[i].StartsWith("INPUT:", StringComparison.OrdinalIgnoreCase)).ToArray();
        if (taskId < 0 && inputs.Length == 0)
        {
            throw header.Missing("ASSIGNMENT:task_id", "the column 'ASSIGNMENT:task_id' or INPUT: columns to identify the task");
        }

        var output = FindOutput(header);
        var golden = header.IndexOf("GOLDEN:" + header.Names[output][Output.Length..]);
        var status = header.IndexOf("ASSIGNMENT:status");
        var started = header.IndexOf("ASSIGNMENT:started");
        var submitted = header.IndexOf("ASSIGNMENT:submitted");
        var reward = header.IndexOf("ASSIGNMENT:reward");
        var table = new AnswerTable(path, ImportCells.EstimateRows(path));
        IncludeIf(table, started, CanonicalColumns.StartedAt);
        IncludeIf(table, submitted, CanonicalColumns.SubmittedAt);
        IncludeIf(table, reward, CanonicalColumns.Reward);
        var skipped = new Dictionary<string, SkippedRows>(StringComparer.Ordinal);
        var gold = new GoldCollector(path);
        var joined = new byte[256];
        while (parser.ReadRecord())
        {
            var line = parser.RecordLine;
            if (parser.FieldCount != header.Count)
            {
                throw new AnswerFormatException(path, line, null, $"expected {header.Count} tab-separated fields as in the header, found {parser.FieldCount}");
            }

            var label = parser.Field(output);
            if (label.IsEmpty)
            {
                Skip(skipped, header, parser, output, status);
                continue;
            }

            var task = taskId >= 0 ? parser.Field(taskId) : Join(parser, inputs, ref joined);
            table.AddRow(line);
            ImportCells.Required(table, CanonicalColumns.Task, task, path, line, taskId >= 0 ? header.Names[taskId] : header.Names[inputs[0]], "a task id");
            ImportCells.Required(table, CanonicalColumns.Worker, parser.Field(worker), path, line, header.Names[worker], "a worker id");
            table.Set(CanonicalColumns.Label, label);
            if (started >= 0)
            {
                ImportCells.IsoTime(table, CanonicalColumns.StartedAt, parser.Field(started), path, line, header.Names[started]);
            }

            if (submitted >= 0)
            {
                ImportCells.IsoTime(table, CanonicalColumns.SubmittedAt, parser.Field(submitted), path, line, header.Names[submitted]);
            }

            if (reward >= 0)
            {
                ImportCells.Reward(table, parser.Field(reward), path, line, header.Names[reward]);
            }

            if (golden >= 0 && parser.Field(golden) is { IsEmpty: false } known)
            {
                gold.Add(task, known, line, header.Names[golden]);
            }
        }

        return new ExportContents(table, [.. skipped.Values], gold.Gold);
    }

    private static void IncludeIf(AnswerTable table, int field, int column)
    {
        if (field >= 0)
        {
            table.Include(column);
        }
    }

    /// <summary>The chosen <c>OUTPUT:</c> column, or the first.</summary>
    private int FindOutput(ExportHeader header)
    {
        if (_outputColumn is not null)
        {
            var name = _outputColumn.StartsWith(Output, StringComparison.OrdinalIgnoreCase) ? _outputColumn : Output + _outputColumn;
            var chosen = header.IndexOf(name);
            return chosen >= 0 ? chosen : throw header.Missing(name, $"the chosen output column '{name}'");
        }

        for (var i = 0; i < header.Count; i++)
        {
            if (header.Names[i].StartsWith(Output, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        throw header.Missing("OUTPUT:", "an OUTPUT: column holding the label");
    }

    private static void Skip(Dictionary<string, SkippedRows> skipped, ExportHeader header, Utf8CsvParser parser, int output, int status)
    {
        var state = status >= 0 && parser.Field(status) is { IsEmpty: false } s ? $"status {Encoding.UTF8.GetString(s)}" : "no status";
        var reason = $"empty {header.Names[output]} ({state}: skipped or expired assignment)";
        skipped[reason] = skipped.TryGetValue(reason, out var known)
            ? known with { Count = known.Count + 1 }
            : new SkippedRows(reason, 1, parser.RecordLine);
    }

    /// <summary>The task's <c>INPUT:</c> values joined with <c>|</c>, when the export has no task id.</summary>
    private static ReadOnlySpan<byte> Join(Utf8CsvParser parser, int[] inputs, ref byte[] buffer)
    {
        if (inputs.Length == 1)
        {
            return parser.Field(inputs[0]);
        }

        var length = 0;
        foreach (var input in inputs)
        {
            var value = parser.Field(input);
            if (length + value.Length + 1 > buffer.Length)
            {
                Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + value.Length + 1));
            }

            if (length > 0)
            {
                buffer[length++] = (byte)'|';
            }

            value.CopyTo(buffer.AsSpan(length));
            length += value.Length;
        }

        return buffer.AsSpan(0, length);
    }
}
