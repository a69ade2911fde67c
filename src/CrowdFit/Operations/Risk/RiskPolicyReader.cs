using System.Text.Json;

namespace CrowdFit.Operations;

/// <summary>
/// Reads a risk policy file token by token with <see cref="Utf8JsonReader"/>, keeping the line of every token so
/// that each problem is reported where it is, with the JSON path of the field being read.
/// </summary>
internal sealed class RiskPolicyReader
{
    private const string Classes = "\"low\", \"medium\" or \"high\"";

    private static readonly JsonReaderOptions s_options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private readonly ReadOnlyMemory<byte> _json;
    private int _counted;
    private int _line = 1;
    private string _path = "$";

    private RiskPolicyReader(ReadOnlyMemory<byte> json) => _json = json;

    /// <summary>Reads a policy.</summary>
    /// <exception cref="RiskPolicyException">The file is not valid.</exception>
    public static RiskPolicy Read(ReadOnlyMemory<byte> json)
    {
        if (json.Span.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }

        return new RiskPolicyReader(json).ReadDocument();
    }

    private RiskPolicy ReadDocument()
    {
        if (_json.Span.IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            throw new RiskPolicyException(1, "$", "expected an object with \"task_types\" and \"default\", found nothing (the file is empty)");
        }

        var reader = new Utf8JsonReader(_json.Span, s_options);
        Next(ref reader);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new RiskPolicyException(LineOf(ref reader), "$", $"expected an object with \"task_types\" and \"default\", found {Describe(reader.TokenType)}");
        }

        var taskTypes = new Dictionary<string, RiskClass>(StringComparer.Ordinal);
        var defaultClass = RiskClass.Low;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (Next(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
        {
            var property = reader.GetString()!;
            var line = LineOf(ref reader);
            _path = property;
            if (!seen.Add(property))
            {
                throw new RiskPolicyException(line, property, $"\"{property}\" appears twice");
            }

            Next(ref reader);
            switch (property)
            {
                case "task_types":
                    ReadTaskTypes(ref reader, taskTypes);
                    break;
                case "default":
                    defaultClass = ReadClass(ref reader);
                    break;
                default:
                    throw new RiskPolicyException(line, property, $"unknown property \"{property}\"; expected \"task_types\" or \"default\"");
            }

            _path = "$";
        }

        // The reader refuses anything after the root object, so reading on either ends the data or throws.
        Next(ref reader);
        return new RiskPolicy(taskTypes, defaultClass);
    }

    private void ReadTaskTypes(ref Utf8JsonReader reader, Dictionary<string, RiskClass> taskTypes)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new RiskPolicyException(LineOf(ref reader), "task_types", $"expected an object mapping task types to classes, found {Describe(reader.TokenType)}");
        }

        while (Next(ref reader) && reader.TokenType != JsonTokenType.EndObject)
        {
            var type = reader.GetString()!;
            var line = LineOf(ref reader);
            _path = $"task_types.{type}";
            if (string.IsNullOrWhiteSpace(type))
            {
                throw new RiskPolicyException(line, _path, "a task type must not be empty");
            }

            if (taskTypes.ContainsKey(type))
            {
                throw new RiskPolicyException(line, _path, $"\"{type}\" appears twice");
            }

            Next(ref reader);
            taskTypes.Add(type, ReadClass(ref reader));
            _path = "task_types";
        }
    }

    private RiskClass ReadClass(ref Utf8JsonReader reader)
    {
        var line = LineOf(ref reader);
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new RiskPolicyException(line, _path, $"expected {Classes}, found {Describe(reader.TokenType)}");
        }

        var text = reader.GetString()!;
        return text.ToUpperInvariant() switch
        {
            "LOW" => RiskClass.Low,
            "MEDIUM" => RiskClass.Medium,
            "HIGH" => RiskClass.High,
            _ => throw new RiskPolicyException(line, _path, $"expected {Classes}, found \"{text}\""),
        };
    }

    /// <summary>Reads the next token, turning a JSON syntax error into a <see cref="RiskPolicyException"/> at the current field.</summary>
    private bool Next(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.Read();
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } zeroBased ? (int)zeroBased + 1 : _line;
            var message = e.Message;
            var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            throw new RiskPolicyException(line, _path, "not valid JSON: " + (at > 0 ? message[..at] : message), e);
        }
    }

    /// <summary>1-based line of the current token; tokens are visited in order, so counting resumes where it stopped.</summary>
    private int LineOf(ref Utf8JsonReader reader)
    {
        var offset = (int)reader.TokenStartIndex;
        if (offset > _counted)
        {
            _line += _json.Span[_counted..offset].Count((byte)'\n');
            _counted = offset;
        }

        return _line;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
