using CrowdFit.Answers;

namespace CrowdFit.Tests.Agreement;

/// <summary>Builds answer sets in the tabular shapes the published agreement examples use.</summary>
internal static class AgreementData
{
    /// <summary>
    /// Fleiss' layout: <c>counts[i][j]</c> raters put task i in class j. Labels are <c>c0</c>, <c>c1</c>, ...
    /// (single digits, so class index j is label <c>cj</c> when every class is used).
    /// </summary>
    public static AnswerSet FromCounts(int[][] counts)
    {
        var rows = new List<(string, string, string)>();
        for (var i = 0; i < counts.Length; i++)
        {
            var rater = 0;
            for (var j = 0; j < counts[i].Length; j++)
            {
                for (var r = 0; r < counts[i][j]; r++)
                {
                    rows.Add(($"t{i:D4}", $"w{rater++:D3}", $"c{j}"));
                }
            }
        }

        return AnswerSet.FromTriples(rows);
    }

    /// <summary>
    /// Krippendorff's layout: <c>values[c][u]</c> is what coder c gave unit u, or null when the coder did not
    /// code it.
    /// </summary>
    public static AnswerSet FromCoders(string?[][] values)
    {
        var rows = new List<(string, string, string)>();
        for (var c = 0; c < values.Length; c++)
        {
            for (var u = 0; u < values[c].Length; u++)
            {
                if (values[c][u] is { } value)
                {
                    rows.Add(($"u{u:D2}", $"coder{c}", value));
                }
            }
        }

        return AnswerSet.FromTriples(rows);
    }

    /// <summary>Parses a row of a coder table: values separated by spaces, <c>*</c> for a missing value.</summary>
    public static string?[] Row(string row)
        => [.. row.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => v == "*" ? null : v)];

    /// <summary>
    /// Answers that carry no information: each task gets between <paramref name="minRaters"/> and
    /// <paramref name="maxRaters"/> answers, each a uniformly random class.
    /// </summary>
    public static AnswerSet RandomCrowd(int seed, int tasks, int minRaters, int maxRaters, int classes)
    {
        var random = new Random(seed);
        var rows = new List<(string, string, string)>();
        for (var t = 0; t < tasks; t++)
        {
            var raters = random.Next(minRaters, maxRaters + 1);
            for (var r = 0; r < raters; r++)
            {
                rows.Add(($"t{t}", $"w{r}", $"c{random.Next(classes)}"));
            }
        }

        return AnswerSet.FromTriples(rows);
    }

    /// <summary>A seeded mask keeping each answer with probability <paramref name="share"/>.</summary>
    public static bool[] RandomMask(int seed, int count, double share)
    {
        var random = new Random(seed);
        var mask = new bool[count];
        for (var a = 0; a < count; a++)
        {
            mask[a] = random.NextDouble() < share;
        }

        return mask;
    }
}
