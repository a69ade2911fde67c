using System.Globalization;
using System.Text;

namespace CrowdFit.Reports;

/// <summary>Escaping and invariant number formatting shared by the renderers.</summary>
internal static class Markup
{
    public static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// Escapes text for HTML and XML content and attribute values. Control characters other than tab, line feed
    /// and carriage return, which XML does not allow, become U+FFFD.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var replacement = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                '\t' or '\n' or '\r' => null,
                < ' ' or '\u007f' or '\uFFFE' or '\uFFFF' => "\uFFFD",
                _ when char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) && !(char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1])) => "\uFFFD",
                _ => null,
            };
            if (replacement is null)
            {
                builder?.Append(c);
                continue;
            }

            builder ??= new StringBuilder(text.Length + 16).Append(text, 0, i);
            builder.Append(replacement);
        }

        return builder?.ToString() ?? text;
    }

    /// <summary>A number for a coordinate: one decimal, invariant.</summary>
    public static string Coordinate(double value) => Math.Round(value, 1).ToString("0.#", Invariant);

    /// <summary>An integer count with thousands separators.</summary>
    public static string Count(int value) => value.ToString("N0", Invariant);

    /// <summary>A share in [0, 1] as a percentage with one decimal; "–" for <see langword="null"/>.</summary>
    public static string Percent(double? share) => share is { } s ? (s * 100).ToString("0.0", Invariant) + " %" : "–";

    /// <summary>A number with the given decimals; "–" for <see langword="null"/>.</summary>
    public static string Number(double? value, int decimals = 2) => value is { } v ? v.ToString("N" + decimals.ToString(Invariant), Invariant) : "–";

    /// <summary>A p-value: three significant digits, scientific below 0.001.</summary>
    public static string PValue(double? p) => p switch
    {
        null => "–",
        0 => "0",
        < 0.001 => p.Value.ToString("0.00e+0", Invariant),
        _ => p.Value.ToString("0.####", Invariant),
    };

    /// <summary>A UTC instant as <c>yyyy-MM-dd HH:mm:ss</c>.</summary>
    public static string Time(DateTimeOffset? time) => time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", Invariant) + " UTC" : "–";

    /// <summary>Shortens text to at most <paramref name="max"/> characters with an ellipsis.</summary>
    public static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
