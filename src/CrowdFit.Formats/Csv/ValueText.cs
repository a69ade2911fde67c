using System.Text;

namespace CrowdFit.Formats.Csv;

/// <summary>Renders values found in a file for one-line error messages.</summary>
internal static class ValueText
{
    private const int MaxChars = 60;

    /// <summary>
    /// The value in single quotes, decoded leniently, with control characters escaped and long values cut,
    /// so the message stays on one line.
    /// </summary>
    public static string Quote(ReadOnlySpan<byte> value)
    {
        var text = Encoding.UTF8.GetString(value.Length > MaxChars * 4 ? value[..(MaxChars * 4)] : value);
        var builder = new StringBuilder(Math.Min(text.Length, MaxChars) + 8).Append('\'');
        var shown = 0;
        foreach (var c in text)
        {
            if (shown++ == MaxChars)
            {
                builder.Append('…');
                break;
            }

            if (char.IsControl(c))
            {
                builder.Append(c switch { '\r' => "\\r", '\n' => "\\n", '\t' => "\\t", _ => $"\\u{(int)c:X4}" });
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append('\'').ToString();
    }

    /// <summary>As <see cref="Quote(ReadOnlySpan{byte})"/> for text already decoded.</summary>
    public static string Quote(string value) => Quote(Encoding.UTF8.GetBytes(value));
}
