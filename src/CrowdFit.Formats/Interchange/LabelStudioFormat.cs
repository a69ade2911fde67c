using System.Text.Json;

namespace CrowdFit.Formats.Interchange;

/// <summary>
/// Label Studio's JSON export: an array of tasks <c>{id, data, annotations: [{completed_by, result, created_at,
/// updated_at, lead_time, was_cancelled, ground_truth}]}</c>, one answer per annotation.
/// </summary>
/// <remarks>
/// <para>
/// Reading: task = the task's <c>id</c>; worker = <c>completed_by</c> (a user id, or an object whose <c>id</c>,
/// else <c>email</c>, is taken); label = the choices of the first result of type <c>choices</c> (several are
/// sorted and joined with <c>|</c>); submitted_at = <c>created_at</c> (else <c>updated_at</c>); started_at =
/// submitted_at minus <c>lead_time</c> seconds. Cancelled annotations and annotations without a choices result
/// hold no answer and are counted as skipped. A <c>ground_truth</c> annotation is an answer and also its task's
/// gold label. The file is read one task at a time, so its size is limited by the largest task, not the whole.
/// Errors name the line of the JSON.
/// </para>
/// <para>
/// Writing: one task per distinct task id (a number when the id is one, else text), in the order first seen, with
/// <c>data.task</c> holding the id and one annotation per answer: <c>completed_by</c> as a number when the worker id
/// is one, else <c>{"email": worker}</c>, a <c>choices</c> result with the label, <c>created_at</c> and
/// <c>updated_at</c> from submitted_at and <c>lead_time</c> from started_at.
/// </para>
/// </remarks>
public sealed class LabelStudioFormat : IPlatformExport
{
    /// <inheritdoc/>
    public string Name => "label-studio";

    /// <inheritdoc/>
    public string Description => "Label Studio JSON export (tasks with annotations and choices results)";

    /// <inheritdoc/>
    public string Extension => ".json";

    /// <inheritdoc/>
    public IReadOnlyList<string> WrittenColumns { get; } = ["task", "worker", "label", "started_at", "submitted_at"];

    /// <inheritdoc/>
    public double Detect(string path, ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("\uFEFF"u8))
        {
            head = head[3..];
        }

        var text = head.TrimStart(" \t\r\n"u8);
        return !text.IsEmpty && text[0] == '[' && text.IndexOf("\"annotations\""u8) >= 0 ? 1 : 0;
    }

    /// <inheritdoc/>
    public AnswerTable Read(string path) => ReadExport(path).Answers;

    /// <inheritdoc/>
    public ExportContents ReadExport(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var tasks = new JsonArrayStream(path);
        var capacity = (int)Math.Clamp(new FileInfo(path).Length / 256, 1024, int.MaxValue / 2);
        var table = new AnswerTable(path, capacity);
        table.Include(CanonicalColumns.StartedAt);
        table.Include(CanonicalColumns.SubmittedAt);
        var gold = new GoldCollector(path);
        var reader = new LabelStudioTask(path, table, gold);
        while (tasks.Next())
        {
            int length;
            try
            {
                while (!reader.TryRead(tasks.Rest, tasks.IsFinal, tasks.CurrentLine, out length))
                {
                    tasks.More();
                }
            }
            catch (JsonException error)
            {
                throw new AnswerFormatException(
                    path,
                    tasks.CurrentLine + (int)(error.LineNumber ?? 0),
                    null,
                    $"expected valid JSON, found an error: {error.Message.Split(" LineNumber", 2)[0]}");
            }

            tasks.Consume(length);
        }

        return new ExportContents(table, reader.Skipped, gold.Gold);
    }

    /// <inheritdoc/>
    public void Write(AnswerTable answers, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(stream);
        var rowsByTask = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var order = new List<List<int>>();
        for (var row = 0; row < answers.RowCount; row++)
        {
            var task = answers.Text(row, CanonicalColumns.Task);
            if (!rowsByTask.TryGetValue(task, out var rows))
            {
                rows = [];
                rowsByTask.Add(task, rows);
                order.Add(rows);
            }

            rows.Add(row);
        }

        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartArray();
        foreach (var rows in order)
        {
            WriteTask(json, answers, rows);
            if (json.BytesPending > 1 << 16)
            {
                json.Flush();
            }
        }

        json.WriteEndArray();
        json.Flush();
    }

    private static void WriteTask(Utf8JsonWriter json, AnswerTable answers, List<int> rows)
    {
        var task = answers.Cell(rows[0], CanonicalColumns.Task);
        json.WriteStartObject();
        WriteId(json, "id"u8, task);
        json.WriteStartObject("data"u8);
        json.WriteString("task"u8, task);
        json.WriteEndObject();
        json.WriteStartArray("annotations"u8);
        foreach (var row in rows)
        {
            json.WriteStartObject();
            json.WriteNumber("id"u8, row + 1);
            var worker = answers.Cell(row, CanonicalColumns.Worker);
            if (IsId(worker, out _))
            {
                WriteId(json, "completed_by"u8, worker);
            }
            else
            {
                json.WriteStartObject("completed_by"u8);
                json.WriteString("email"u8, worker);
                json.WriteEndObject();
            }

            json.WriteStartArray("result"u8);
            json.WriteStartObject();
            json.WriteString("type"u8, "choices"u8);
            json.WriteString("from_name"u8, "label"u8);
            json.WriteString("to_name"u8, "task"u8);
            json.WriteStartObject("value"u8);
            json.WriteStartArray("choices"u8);
            json.WriteStringValue(answers.Cell(row, CanonicalColumns.Label));
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            WriteTimes(json, answers, row);
            json.WriteBoolean("was_cancelled"u8, false);
            json.WriteBoolean("ground_truth"u8, false);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteTimes(Utf8JsonWriter json, AnswerTable answers, int row)
    {
        if (!Timestamps.TryParseIso(answers.Cell(row, CanonicalColumns.SubmittedAt), out var submitted))
        {
            return;
        }

        Span<byte> text = stackalloc byte[Timestamps.MaxBytes];
        var length = Timestamps.FormatIso(submitted, text);
        json.WriteString("created_at"u8, text[..length]);
        json.WriteString("updated_at"u8, text[..length]);
        if (Timestamps.TryParseIso(answers.Cell(row, CanonicalColumns.StartedAt), out var started) && started <= submitted)
        {
            json.WriteNumber("lead_time"u8, (submitted - started) / (double)TimeSpan.TicksPerSecond);
        }
    }

    /// <summary>Writes an id as a JSON number when it is a plain integer (no sign, no leading zero), else as text.</summary>
    private static void WriteId(Utf8JsonWriter json, ReadOnlySpan<byte> name, ReadOnlySpan<byte> id)
    {
        if (IsId(id, out var number))
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteString(name, id);
        }
    }

    private static bool IsId(ReadOnlySpan<byte> text, out long number)
    {
        number = 0;
        if (text.IsEmpty || text.Length > 15 || (text[0] == '0' && text.Length > 1))
        {
            return false;
        }

        foreach (var b in text)
        {
            if (!char.IsAsciiDigit((char)b))
            {
                return false;
            }

            number = (number * 10) + (b - '0');
        }

        return true;
    }
}
