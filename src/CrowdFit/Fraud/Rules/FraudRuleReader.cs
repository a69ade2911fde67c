using System.Globalization;
using System.Text.Json;
using CrowdFit.Configuration;

namespace CrowdFit.Fraud.Rules;

/// <summary>
/// Reads a rule file token by token with <see cref="Utf8JsonReader"/>, keeping the line of every token so that
/// each problem is reported where it is, and the JSON path of the field being read.
/// </summary>
internal sealed class FraudRuleReader
{
    private const string KindNames = "max-rate, min-seconds, max-seconds, max-failed-gold, country-mismatch";

    private static readonly JsonReaderOptions s_options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    private static readonly string[] s_textProperties = ["name", "kind", "action", "task_type"];
    private static readonly string[] s_numberProperties = ["answers", "seconds", "count", "min_share"];

    private readonly ReadOnlyMemory<byte> _json;
    private readonly JsonLines _lines;
    private string _path = "$";

    private FraudRuleReader(ReadOnlyMemory<byte> json)
    {
        _json = json;
        _lines = new JsonLines(json);
    }

    /// <summary>Reads the rules and the worker share.</summary>
    /// <exception cref="FraudRuleException">The file is not valid.</exception>
    public static (FraudRule[] Rules, double WorkerShare) Read(ReadOnlyMemory<byte> json)
    {
        if (json.Span.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }

        return new FraudRuleReader(json).ReadDocument();
    }

    private (FraudRule[] Rules, double WorkerShare) ReadDocument()
    {
        var reader = new Utf8JsonReader(_json.Span, s_options);
        Next(ref reader);
        var rootLine = LineOf(ref reader);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new FraudRuleException(rootLine, "$", $"expected an object with a \"rules\" array, found {Describe(reader.TokenType)}");
        }

        FraudRule[]? rules = null;
        var workerShare = FraudRules.DefaultWorkerShare;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (Next(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
        {
            var property = reader.GetString()!;
            var line = LineOf(ref reader);
            _path = property;
            if (!seen.Add(property))
            {
                throw new FraudRuleException(line, property, $"\"{property}\" appears twice");
            }

            Next(ref reader);
            switch (property)
            {
                case "rules":
                    rules = ReadRules(ref reader);
                    break;
                case "worker_share":
                    var (share, shareLine) = ReadNumber(ref reader);
                    if (!(share > 0 && share <= 1))
                    {
                        throw new FraudRuleException(shareLine, property, Invariant($"expected a share in (0, 1], found {share}"));
                    }

                    workerShare = share;
                    break;
                default:
                    throw new FraudRuleException(line, property, $"unknown property \"{property}\"; expected \"rules\" or \"worker_share\"");
            }

            _path = "$";
        }

        // The reader refuses anything after the root object, so reading on either ends the data or throws.
        Next(ref reader);
        return rules is null
            ? throw new FraudRuleException(rootLine, "rules", "missing \"rules\"; expected an array of rule objects")
            : (rules, workerShare);
    }

    private FraudRule[] ReadRules(ref Utf8JsonReader reader)
    {
        var arrayLine = LineOf(ref reader);
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new FraudRuleException(arrayLine, "rules", $"expected an array of rule objects, found {Describe(reader.TokenType)}");
        }

        var rules = new List<FraudRule>();
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        while (Next(ref reader) && reader.TokenType != JsonTokenType.EndArray)
        {
            var path = $"rules[{rules.Count}]";
            _path = path;
            var line = LineOf(ref reader);
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new FraudRuleException(line, path, $"expected a rule object, found {Describe(reader.TokenType)}");
            }

            var properties = ReadProperties(ref reader, path);
            _path = "rules";
            var rule = FraudRuleDraft.Build(properties, path, line);
            if (names.TryGetValue(rule.Name, out var first))
            {
                throw new FraudRuleException(properties.Find(p => p.Name == "name").Line, path + ".name", $"the name \"{rule.Name}\" is already used by rules[{first}]");
            }

            names.Add(rule.Name, rules.Count);
            rules.Add(rule);
        }

        return rules.Count == 0
            ? throw new FraudRuleException(arrayLine, "rules", "expected at least one rule, found an empty array")
            : [.. rules];
    }

    /// <summary>Reads the properties of one rule object, checking names and value types; the rule's own checks come after.</summary>
    private List<FraudRuleDraft.Property> ReadProperties(ref Utf8JsonReader reader, string path)
    {
        var properties = new List<FraudRuleDraft.Property>();
        while (Next(ref reader) && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            var line = LineOf(ref reader);
            _path = $"{path}.{name}";
            var isText = Array.IndexOf(s_textProperties, name) >= 0;
            if (!isText && Array.IndexOf(s_numberProperties, name) < 0)
            {
                throw new FraudRuleException(line, _path, $"unknown property \"{name}\"; expected one of {string.Join(", ", s_textProperties)}, {string.Join(", ", s_numberProperties)}");
            }

            if (properties.Exists(p => p.Name == name))
            {
                throw new FraudRuleException(line, _path, $"\"{name}\" appears twice in the rule");
            }

            Next(ref reader);
            if (isText)
            {
                var valueLine = LineOf(ref reader);
                if (reader.TokenType != JsonTokenType.String)
                {
                    throw new FraudRuleException(valueLine, _path, $"expected a string, found {Describe(reader.TokenType)}");
                }

                properties.Add(new FraudRuleDraft.Property(name, reader.GetString(), 0, valueLine));
            }
            else
            {
                var (value, valueLine) = ReadNumber(ref reader);
                properties.Add(new FraudRuleDraft.Property(name, null, value, valueLine));
            }

            _path = path;
        }

        return properties;
    }

    private (double Value, int Line) ReadNumber(ref Utf8JsonReader reader)
    {
        var line = LineOf(ref reader);
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new FraudRuleException(line, _path, $"expected a number, found {Describe(reader.TokenType)}");
        }

        return reader.TryGetDouble(out var value) && double.IsFinite(value)
            ? (value, line)
            : throw new FraudRuleException(line, _path, "expected a finite number, found one out of range");
    }

    /// <summary>Reads the next token, turning a JSON syntax error into a <see cref="FraudRuleException"/> at the current field.</summary>
    private bool Next(ref Utf8JsonReader reader) => _lines.Next(ref reader, (line, detail, error) => new FraudRuleException(line, _path, detail, error));

    private int LineOf(ref Utf8JsonReader reader) => _lines.LineOf(ref reader);

    private static string Describe(JsonTokenType token) => JsonLines.Describe(token);

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    internal static string Kinds => KindNames;
}
