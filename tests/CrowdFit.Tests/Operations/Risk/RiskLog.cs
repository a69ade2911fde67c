using CrowdFit.Answers;

namespace CrowdFit.Tests.Operations.Risk;

/// <summary>Small answer logs with a task_type column for the review plan tests.</summary>
internal static class RiskLog
{
    /// <summary>Builds the answers and a context whose only column is the task type (null for a missing value).</summary>
    public static (AnswerSet Answers, AnswerContext Context) Build(IReadOnlyList<(string Task, string Worker, string Label, string? Type)> rows)
    {
        var answers = AnswerSet.FromTriples(rows.Select(r => (r.Task, r.Worker, r.Label)));
        var values = rows.Select(r => r.Type).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        var codes = rows.Select(r => r.Type is null ? CategoricalColumn.Missing : Array.IndexOf(values, r.Type)).ToArray();
        return (answers, new AnswerContext(rows.Count, taskType: new CategoricalColumn(values, codes)));
    }

    /// <summary>
    /// Rows for <paramref name="tasks"/> tasks of one type, three answers each: the first <paramref name="split"/>
    /// tasks answered a, a, b; the rest a, a, a.
    /// </summary>
    public static IEnumerable<(string Task, string Worker, string Label, string? Type)> Type(string type, int tasks, int split)
    {
        for (var t = 0; t < tasks; t++)
        {
            var id = $"{type}-{t:D3}";
            yield return (id, "w1", "a", type);
            yield return (id, "w2", "a", type);
            yield return (id, "w3", t < split ? "b" : "a", type);
        }
    }
}
