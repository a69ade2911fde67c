using System.Globalization;
using System.Text.RegularExpressions;

namespace CrowdFit.Service.Answers;

/// <summary>Reads an answer's <c>startedAt</c> and writes stored times.</summary>
internal static partial class AnswerTiming
{
    /// <summary>
    /// The start time, or null when the text is null; <paramref name="problem"/> says why the text is not usable:
    /// not ISO 8601 with an offset, or after <paramref name="received"/> (a start in the future).
    /// </summary>
    public static DateTimeOffset? Parse(string? text, DateTimeOffset received, out string? problem)
    {
        problem = null;
        if (text is null)
        {
            return null;
        }

        if (!IsoPattern().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var started))
        {
            problem = $"startedAt must be an ISO 8601 time with an offset, such as 2025-05-01T12:00:00Z (was '{Shorten(text)}').";
            return null;
        }

        if (started > received)
        {
            problem = $"startedAt ({started.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}) is after the time the answer was received ({Format(received)}).";
            return null;
        }

        return started.ToUniversalTime();
    }

    /// <summary>The stored form: ISO 8601 in UTC (the round-trip format); null stays null.</summary>
    public static string? Format(DateTimeOffset? at) => at?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex IsoPattern();
}
