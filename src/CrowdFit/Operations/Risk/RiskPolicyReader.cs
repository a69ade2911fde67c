using System.Text.Json;
using CrowdFit.Configuration;

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
    private readonly JsonLines _lines;
    private string _path = "$";

    private RiskPolicyReader(ReadOnlyMemory<byte> json)
    {
        _json = json;
        _lines = new JsonLines(json);
    }

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
    private bool Next(ref Utf8JsonReader reader) => _lines.Next(ref reader, (line, detail, error) => new RiskPolicyException(line, _path, detail, error));

    private int LineOf(ref Utf8JsonReader reader) => _lines.LineOf(ref reader);

    private static string Describe(JsonTokenType token) => JsonLines.Describe(token);
}
