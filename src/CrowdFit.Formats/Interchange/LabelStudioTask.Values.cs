using System.Text;
using System.Text.Json;
using CrowdFit.Formats.Csv;

namespace CrowdFit.Formats.Interchange;

/// <summary>The values of an annotation: who made it, what was chosen, when.</summary>
internal sealed partial class LabelStudioTask
{
    private void ReadWorker(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        if (reader.TokenType is JsonTokenType.Number or JsonTokenType.String)
        {
            _workerLength = Copy(ref reader, ref _worker);
            return;
        }

        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        Expect(ref reader, json, JsonTokenType.StartObject, "completed_by", "a user id, or an object with 'id' or 'email'");
        var depth = reader.CurrentDepth;
        var byId = false;
        while (Read(ref reader) && reader.CurrentDepth > depth)
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            var isId = reader.ValueTextEquals("id"u8);
            var isEmail = reader.ValueTextEquals("email"u8);
            Read(ref reader);
            if ((isId || (isEmail && !byId)) && reader.TokenType is JsonTokenType.Number or JsonTokenType.String)
            {
                _workerLength = Copy(ref reader, ref _worker);
                byId |= isId && _workerLength > 0;
            }
            else
            {
                Skip(ref reader);
            }
        }
    }

    /// <summary>Reads the first result of type <c>choices</c>: its choices, sorted and joined with <c>|</c>.</summary>
    private void ReadResult(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        Expect(ref reader, json, JsonTokenType.StartArray, "result", "an array of results");
        while (Read(ref reader) && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject || _labelLength >= 0)
            {
                Skip(ref reader);
                continue;
            }

            // One pass over the item: remember where its value starts, and read that only if its type is choices.
            var depth = reader.CurrentDepth;
            var isChoices = false;
            var hasValue = false;
            var value = reader;
            while (Read(ref reader) && reader.CurrentDepth > depth)
            {
                if (reader.TokenType != JsonTokenType.PropertyName)
                {
                    continue;
                }

                var property = reader.ValueTextEquals("type"u8) ? 1 : reader.ValueTextEquals("value"u8) ? 2 : 0;
                Read(ref reader);
                if (property == 1)
                {
                    isChoices = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("choices"u8);
                }
                else if (property == 2)
                {
                    value = reader;
                    hasValue = true;
                }

                Skip(ref reader);
            }

            if (isChoices && hasValue)
            {
                ReadChoices(ref value, json);
            }
        }
    }

    /// <summary>Reads the <c>choices</c> of a result's <c>value</c> object, on which <paramref name="value"/> stands.</summary>
    private void ReadChoices(ref Utf8JsonReader value, ReadOnlySpan<byte> json)
    {
        Expect(ref value, json, JsonTokenType.StartObject, "value", "an object with 'choices'");
        var depth = value.CurrentDepth;
        while (value.Read() && value.CurrentDepth > depth)
        {
            if (value.TokenType == JsonTokenType.PropertyName && value.CurrentDepth == depth + 1 && value.ValueTextEquals("choices"u8))
            {
                value.Read();
                Expect(ref value, json, JsonTokenType.StartArray, "choices", "an array of chosen labels");
                JoinChoices(ref value, json);
                return;
            }
        }
    }

    private void JoinChoices(ref Utf8JsonReader item, ReadOnlySpan<byte> json)
    {
        _choices.Clear();
        while (item.Read() && item.TokenType != JsonTokenType.EndArray)
        {
            Expect(ref item, json, JsonTokenType.String, "choices", "a label as text");
            if (_choices.Count == 0 && !item.ValueIsEscaped && PeekEnd(item))
            {
                _labelLength = CopyRaw(item.ValueSpan, ref _label);
                return;
            }

            _choices.Add(item.GetString()!);
        }

        if (_choices.Count == 0)
        {
            return;
        }

        _choices.Sort(StringComparer.Ordinal);
        _labelLength = CopyRaw(Encoding.UTF8.GetBytes(string.Join('|', _choices)), ref _label);
    }

    /// <summary>Whether the string the reader is on is the last element of its array.</summary>
    private static bool PeekEnd(Utf8JsonReader item) => item.Read() && item.TokenType == JsonTokenType.EndArray;

    private long? Time(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, string property)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(ref reader, json, JsonTokenType.String, property, "an ISO 8601 timestamp");
        var text = reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(reader.GetString()!) : reader.ValueSpan;
        return text.IsEmpty ? null
            : Timestamps.TryParseIso(text, out var ticks) ? ticks
            : throw new AnswerFormatException(_path, LineOf(json, reader.TokenStartIndex), property, $"expected an ISO 8601 timestamp such as 2021-03-01T10:00:00.123456Z, found {ValueText.Quote(text)}");
    }

    /// <summary>Copies the string (unescaped) or number text the reader is on into <paramref name="buffer"/>.</summary>
    private static int Copy(ref Utf8JsonReader reader, ref byte[] buffer)
    {
        if (reader.TokenType == JsonTokenType.Number || !reader.ValueIsEscaped)
        {
            return CopyRaw(reader.ValueSpan, ref buffer);
        }

        if (buffer.Length < reader.ValueSpan.Length)
        {
            buffer = new byte[reader.ValueSpan.Length];
        }

        return reader.CopyString(buffer);
    }

    private static int CopyRaw(ReadOnlySpan<byte> value, ref byte[] buffer)
    {
        if (buffer.Length < value.Length)
        {
            buffer = new byte[Math.Max(value.Length, buffer.Length * 2)];
        }

        value.CopyTo(buffer);
        return value.Length;
    }
}
