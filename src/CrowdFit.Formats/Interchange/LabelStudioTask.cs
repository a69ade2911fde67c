using System.Text.Json;

namespace CrowdFit.Formats.Interchange;

/// <summary>
/// Turns the annotations of one Label Studio task into answers in a single pass over its JSON, which may be cut
/// short by the end of the bytes read so far: then nothing is kept and the task is read again once more bytes are in.
/// </summary>
/// <remarks>
/// The task's <c>id</c> may come before or after its annotations, so the answers of a task are held until its
/// object ends and only then added to the table, with the skipped annotations and the gold.
/// </remarks>
internal sealed partial class LabelStudioTask
{
    private static readonly Exception s_incomplete = new EndOfStreamException("The task continues past the bytes read so far.");

    private readonly string _path;
    private readonly AnswerTable _table;
    private readonly GoldCollector _gold;
    private readonly Dictionary<string, SkippedRows> _skipped = new(StringComparer.Ordinal);
    private readonly List<string> _choices = [];
    private readonly List<Pending> _pending = [];
    private readonly List<(string Reason, int Line)> _pendingSkips = [];
    private byte[] _bytes = new byte[256];
    private int _bytesUsed;
    private byte[] _task = new byte[64];
    private int _taskLength;
    private byte[] _worker = new byte[64];
    private int _workerLength;
    private byte[] _label = new byte[64];
    private int _labelLength;
    private int _line;
    private int _lineAt;
    private int _taskLine;

    /// <summary>Creates a reader adding answers to <paramref name="table"/> and gold to <paramref name="gold"/>.</summary>
    public LabelStudioTask(string path, AnswerTable table, GoldCollector gold)
    {
        _path = path;
        _table = table;
        _gold = gold;
    }

    /// <summary>Annotations left out, by reason.</summary>
    public IReadOnlyList<SkippedRows> Skipped => [.. _skipped.Values];

    /// <summary>
    /// Reads the task whose JSON object starts <paramref name="json"/>, on line <paramref name="line"/>, and adds its
    /// answers; false, adding nothing, when the object does not end within <paramref name="json"/>.
    /// </summary>
    /// <param name="json">The bytes from the task's opening brace to the end of those read.</param>
    /// <param name="isFinal">Whether <paramref name="json"/> runs to the end of the file.</param>
    /// <param name="line">The line of the opening brace.</param>
    /// <param name="length">The length of the task's object, when read.</param>
    /// <exception cref="AnswerFormatException">The task has no id, or an annotation is malformed.</exception>
    /// <exception cref="JsonException">The JSON is malformed; its line number counts from <paramref name="line"/>.</exception>
    public bool TryRead(ReadOnlySpan<byte> json, bool isFinal, int line, out int length)
    {
        _taskLine = line;
        _line = line;
        _lineAt = 0;
        _taskLength = -1;
        _pending.Clear();
        _pendingSkips.Clear();
        _bytesUsed = 0;
        var reader = new Utf8JsonReader(json, isFinal, default);
        try
        {
            ReadTask(ref reader, json);
        }
        catch (EndOfStreamException e) when (ReferenceEquals(e, s_incomplete))
        {
            length = 0;
            return false;
        }

        length = (int)reader.BytesConsumed;
        Commit();
        return true;
    }

    private void ReadTask(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        Read(ref reader);
        while (Read(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isId = reader.ValueTextEquals("id"u8);
            var isAnnotations = !isId && reader.ValueTextEquals("annotations"u8);
            Read(ref reader);
            if (isId && reader.TokenType is JsonTokenType.Number or JsonTokenType.String)
            {
                _taskLength = Copy(ref reader, ref _task);
            }
            else if (isAnnotations && reader.TokenType != JsonTokenType.Null)
            {
                Expect(ref reader, json, JsonTokenType.StartArray, "annotations", "an array of annotations");
                while (Read(ref reader) && reader.TokenType != JsonTokenType.EndArray)
                {
                    Expect(ref reader, json, JsonTokenType.StartObject, "annotations", "an annotation object");
                    ReadAnnotation(ref reader, json);
                }
            }
            else
            {
                Skip(ref reader);
            }
        }

        if (_taskLength <= 0)
        {
            throw new AnswerFormatException(_path, _taskLine, "id", "expected the task's id (a number or text), found none");
        }
    }

    /// <summary>Adds the answers, skips and gold of the task just read.</summary>
    private void Commit()
    {
        var task = _task.AsSpan(0, _taskLength);
        foreach (var answer in _pending)
        {
            var label = _bytes.AsSpan(answer.LabelStart, answer.LabelLength);
            _table.AddRow(answer.Line);
            _table.Set(CanonicalColumns.Task, task);
            _table.Set(CanonicalColumns.Worker, _bytes.AsSpan(answer.WorkerStart, answer.WorkerLength));
            _table.Set(CanonicalColumns.Label, label);
            if (answer.Started >= 0)
            {
                ImportCells.Time(_table, CanonicalColumns.StartedAt, answer.Started);
            }

            if (answer.Submitted >= 0)
            {
                ImportCells.Time(_table, CanonicalColumns.SubmittedAt, answer.Submitted);
            }

            if (answer.GroundTruth)
            {
                _gold.Add(task, label, answer.Line, "ground_truth");
            }
        }

        foreach (var (reason, line) in _pendingSkips)
        {
            _skipped[reason] = _skipped.TryGetValue(reason, out var known) ? known with { Count = known.Count + 1 } : new SkippedRows(reason, 1, line);
        }
    }

    private void ReadAnnotation(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        var line = LineOf(json, reader.TokenStartIndex);
        var depth = reader.CurrentDepth;
        _workerLength = -1;
        _labelLength = -1;
        var cancelled = false;
        var groundTruth = false;
        long? created = null;
        long? updated = null;
        double? leadTime = null;
        while (Read(ref reader) && reader.CurrentDepth > depth)
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            var property = Property(ref reader);
            Read(ref reader);
            switch (property)
            {
                case AnnotationProperty.CompletedBy:
                    ReadWorker(ref reader, json);
                    break;
                case AnnotationProperty.Result:
                    ReadResult(ref reader, json);
                    break;
                case AnnotationProperty.WasCancelled:
                    cancelled = reader.TokenType == JsonTokenType.True;
                    break;
                case AnnotationProperty.GroundTruth:
                    groundTruth = reader.TokenType == JsonTokenType.True;
                    break;
                case AnnotationProperty.CreatedAt:
                    created = Time(ref reader, json, "created_at");
                    break;
                case AnnotationProperty.UpdatedAt:
                    updated = Time(ref reader, json, "updated_at");
                    break;
                case AnnotationProperty.LeadTime:
                    leadTime = reader.TokenType == JsonTokenType.Number ? reader.GetDouble() : null;
                    break;
                default:
                    break;
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                Skip(ref reader);
            }
        }

        if (cancelled)
        {
            _pendingSkips.Add(("cancelled annotation (was_cancelled)", line));
            return;
        }

        if (_labelLength < 0)
        {
            _pendingSkips.Add(("annotation without a choices result", line));
            return;
        }

        if (_workerLength <= 0)
        {
            throw new AnswerFormatException(_path, line, "completed_by", "expected the annotator's id or email in 'completed_by', found none");
        }

        AddAnswer(line, created ?? updated, leadTime, groundTruth);
    }

    private enum AnnotationProperty
    {
        Other,
        CompletedBy,
        Result,
        WasCancelled,
        GroundTruth,
        CreatedAt,
        UpdatedAt,
        LeadTime,
    }

    private static AnnotationProperty Property(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("completed_by"u8) ? AnnotationProperty.CompletedBy
        : reader.ValueTextEquals("result"u8) ? AnnotationProperty.Result
        : reader.ValueTextEquals("was_cancelled"u8) ? AnnotationProperty.WasCancelled
        : reader.ValueTextEquals("ground_truth"u8) ? AnnotationProperty.GroundTruth
        : reader.ValueTextEquals("created_at"u8) ? AnnotationProperty.CreatedAt
        : reader.ValueTextEquals("updated_at"u8) ? AnnotationProperty.UpdatedAt
        : reader.ValueTextEquals("lead_time"u8) ? AnnotationProperty.LeadTime
        : AnnotationProperty.Other;

    /// <summary>Holds an answer until the task ends.</summary>
    private void AddAnswer(int line, long? submitted, double? leadTime, bool groundTruth)
    {
        var started = -1L;
        if (submitted is { } end && leadTime is { } seconds && seconds >= 0 && double.IsFinite(seconds))
        {
            started = Math.Max(0, end - (long)Math.Round(seconds * TimeSpan.TicksPerSecond));
        }

        var workerStart = Hold(_worker.AsSpan(0, _workerLength));
        var labelStart = Hold(_label.AsSpan(0, _labelLength));
        _pending.Add(new Pending(line, workerStart, _workerLength, labelStart, _labelLength, started, submitted ?? -1, groundTruth));
    }

    private int Hold(ReadOnlySpan<byte> value)
    {
        if (_bytesUsed + value.Length > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _bytesUsed + value.Length));
        }

        value.CopyTo(_bytes.AsSpan(_bytesUsed));
        _bytesUsed += value.Length;
        return _bytesUsed - value.Length;
    }

    private void Expect(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, JsonTokenType type, string property, string expected)
    {
        if (reader.TokenType != type)
        {
            throw new AnswerFormatException(_path, LineOf(json, reader.TokenStartIndex), property, $"expected {expected}, found {Describe(reader.TokenType)}");
        }
    }

    private static string Describe(JsonTokenType type) => type switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "text",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "true or false",
        JsonTokenType.Null => "null",
        _ => type.ToString(),
    };

    /// <summary>Moves to the next token; stops the task's reading when the bytes read so far end first.</summary>
    private static bool Read(ref Utf8JsonReader reader) => reader.Read() ? true : throw s_incomplete;

    /// <summary>Skips the value the reader is on; stops the task's reading when the bytes read so far end first.</summary>
    private static void Skip(ref Utf8JsonReader reader)
    {
        if (!reader.TrySkip())
        {
            throw s_incomplete;
        }
    }

    /// <summary>The line of byte <paramref name="index"/> of the task; indices only move forward within a task.</summary>
    private int LineOf(ReadOnlySpan<byte> json, long index)
    {
        var at = (int)index;
        if (at < _lineAt)
        {
            return _taskLine + json[..at].Count((byte)'\n');
        }

        _line += json[_lineAt..at].Count((byte)'\n');
        _lineAt = at;
        return _line;
    }

    /// <summary>An answer of the task being read: its cells' places in the held bytes and its times (-1 when none).</summary>
    private readonly record struct Pending(int Line, int WorkerStart, int WorkerLength, int LabelStart, int LabelLength, long Started, long Submitted, bool GroundTruth);
}
