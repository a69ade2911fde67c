using System.Text.Json;

namespace CrowdFit.Configuration;

/// <summary>
/// Line numbers for the tokens of a JSON configuration file read with <see cref="Utf8JsonReader"/>, and JSON syntax
/// errors turned into the reader's own error with the line: what the rules and risk-policy readers share.
/// </summary>
/// <param name="json">The whole file.</param>
internal sealed class JsonLines(ReadOnlyMemory<byte> json)
{
    private int _counted;
    private int _line = 1;

    /// <summary>1-based line of the reader's current token; tokens are visited in order, so counting resumes where it stopped.</summary>
    public int LineOf(ref Utf8JsonReader reader)
    {
        var offset = (int)reader.TokenStartIndex;
        if (offset > _counted)
        {
            _line += json.Span[_counted..offset].Count((byte)'\n');
            _counted = offset;
        }

        return _line;
    }

    /// <summary>Reads the next token; a syntax error becomes the exception <paramref name="fail"/> makes of its line and message.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="fail">Makes the reader's own exception from the line, the detail and the JSON error.</param>
    public bool Next(ref Utf8JsonReader reader, Func<int, string, JsonException, Exception> fail)
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
            throw fail(line, "not valid JSON: " + (at > 0 ? message[..at] : message), e);
        }
    }

    /// <summary>A token's kind as an error message names it ("an object", "a string").</summary>
    public static string Describe(JsonTokenType token) => token switch
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
