using System.Text.RegularExpressions;

namespace CrowdFit.Service.Findings;

/// <summary>What of the engine's text a worker may see: their own data only (SPEC F6).</summary>
internal static class WorkerView
{
    /// <summary>What replaces another worker's id.</summary>
    public const string Other = "another account";

    /// <summary>
    /// The text with every id of <paramref name="others"/> but <paramref name="self"/> replaced by <see cref="Other"/>,
    /// wherever it stands as a whole word (not inside a longer id or number); longer ids first, so one id that
    /// contains another is replaced whole.
    /// </summary>
    public static string Redact(string text, string self, IEnumerable<string> others)
    {
        foreach (var id in others.Where(o => !string.Equals(o, self, StringComparison.Ordinal) && text.Contains(o, StringComparison.Ordinal))
                     .OrderByDescending(o => o.Length).ThenBy(o => o, StringComparer.Ordinal))
        {
            text = Regex.Replace(text, $@"(?<![\p{{L}}\p{{N}}_]){Regex.Escape(id)}(?![\p{{L}}\p{{N}}_])", Other, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }

        return text;
    }
}
