using CrowdFit.Answers;
using CrowdFit.Truth;

namespace CrowdFit.Operations;

/// <summary>
/// Operations metrics (SPEC G5): how often answers agree with the inferred truth and pass gold, how often later
/// answers overturned the first, how much rework the tasks needed and how many answers were flagged, for the whole
/// log and per group of a context column (a vendor or country scorecard).
/// </summary>
/// <remarks>
/// <para>Definitions, over the whole log or one group:</para>
/// <list type="bullet">
/// <item><description>
/// Agreement rate: answers equal to their task's inferred label (<see cref="TruthResult.Label"/>) over answers.
/// </description></item>
/// <item><description>
/// Gold pass rate: answers on gold tasks equal to the gold label over answers on gold tasks; NaN without gold or
/// without an answer on a gold task.
/// </description></item>
/// <item><description>
/// Correction rate: tasks whose inferred label differs from the label of their first answer over tasks. The first
/// answer is the one with the lowest <see cref="AnswerSet.SourceRow"/>, so the rate says how often later answers
/// overturned the first.
/// </description></item>
/// <item><description>
/// Rework per 100 items: answers beyond the first of each task, summed over the tasks, times 100 over tasks. A log
/// answered once per task has 0; one answered three times per task has 200.
/// </description></item>
/// <item><description>Flag rate: flagged answers over answers.</description></item>
/// </list>
/// <para>
/// A rate whose denominator is zero is <see cref="double.NaN"/>. Tasks are those with at least one answer; workers
/// are those with at least one answer.
/// </para>
/// <para>
/// In the scorecard, answers are grouped by their row's value in the chosen column, those without a value under
/// <see cref="UnknownName"/>. Answer metrics use the group's answers. A task belongs to the group of its first answer,
/// and the task metrics use the group's tasks, counting the rework of every answer after the first whatever its
/// group: for a vendor that owns whole tasks this is the vendor's tasks; for a column that varies within a task
/// (country) it says how often the first answers given from a country were overturned, and how many more answers
/// the tasks started there needed. A group's answers can therefore exceed its tasks plus its rework, and a group
/// whose answers are never first has no tasks (NaN task metrics).
/// </para>
/// <para>The cost is O(n) in the answers plus O(g log g) for ordering g groups.</para>
/// </remarks>
public static partial class OperationsMetrics
{
    /// <summary>The name of the scorecard group of answers without a value in the column.</summary>
    public const string UnknownName = "(unknown)";

    /// <summary>Computes the operations metrics of a log and, when the context has the column, its scorecard.</summary>
    /// <param name="answers">The answers.</param>
    /// <param name="truth">Truth inferred from <paramref name="answers"/> (the same tasks and labels).</param>
    /// <param name="gold">Known labels of some tasks; <see langword="null"/> when there is no gold (the gold pass rates are NaN).</param>
    /// <param name="answerFlagged">Whether each answer (by answer position) was flagged; <see cref="AnswerSet.Count"/> entries.</param>
    /// <param name="context">The answers' context, by source row; <see langword="null"/> for no scorecard.</param>
    /// <param name="column">The column the scorecard groups by; <see cref="ScorecardColumn.Project"/> by default.</param>
    /// <returns>
    /// The report. Without a context, or when the context lacks the column, the report has
    /// <see cref="OperationsMetricsReport.ScorecardSkippedBecause"/> set and an empty scorecard, and still carries the
    /// whole-log metrics.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="answers"/> or <paramref name="truth"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="column"/> is not a defined value.</exception>
    /// <exception cref="ArgumentException">
    /// The truth or gold is of another shape than the answers, <paramref name="answerFlagged"/> has the wrong length,
    /// or an answer's source row is not in the context's column.
    /// </exception>
    public static OperationsMetricsReport Compute(
        AnswerSet answers,
        TruthResult truth,
        GoldLabels? gold,
        ReadOnlySpan<bool> answerFlagged,
        AnswerContext? context,
        ScorecardColumn column = ScorecardColumn.Project)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(truth);
        Check(answers, truth, gold, answerFlagged, column);
        var categories = column switch
        {
            ScorecardColumn.Project => context?.Project,
            ScorecardColumn.Country => context?.Country,
            _ => context?.Vendor,
        };
        if (categories is not null && OutsideRows(answers, categories) is var a and >= 0)
        {
            throw new ArgumentException($"The context has {categories.Count} rows; answer {a} refers to row {answers.SourceRow(a)}.", nameof(context));
        }

        var groups = categories is null ? [] : new Tally[categories.Values.Count + 1];
        var all = Count(answers, truth, gold, answerFlagged, categories, groups);
        all.Workers = CountWorkers(answers, categories, groups);
        var skipped = context is null ? "there is no context"
            : categories is null ? $"the context has no {Plural(column)}"
            : null;
        return new OperationsMetricsReport(all, column, skipped, categories is null ? [] : Scorecard(categories, groups));
    }

    /// <summary>Tallies the whole log, and each group when there are categories, in one pass over the tasks.</summary>
    private static Tally Count(
        AnswerSet answers,
        TruthResult truth,
        GoldLabels? gold,
        ReadOnlySpan<bool> answerFlagged,
        CategoricalColumn? categories,
        Span<Tally> groups)
    {
        var labels = answers.AnswerLabels;
        var starts = answers.TaskStarts;
        var all = default(Tally);
        for (var t = 0; t < answers.TaskCount; t++)
        {
            var (start, end) = (starts[t], starts[t + 1]);
            if (start == end)
            {
                continue;
            }

            var inferred = truth.Label(t);
            var goldLabel = gold is null ? GoldLabels.None : gold[t];
            var first = start;
            for (var a = start + 1; a < end; a++)
            {
                if (answers.SourceRow(a) < answers.SourceRow(first))
                {
                    first = a;
                }
            }

            var corrected = labels[first] != inferred;
            all.AddTask(end - start, corrected);
            if (categories is not null)
            {
                groups[Group(answers, categories, first)].AddTask(end - start, corrected);
            }

            for (var a = start; a < end; a++)
            {
                var agrees = labels[a] == inferred;
                var onGold = goldLabel != GoldLabels.None;
                var passes = labels[a] == goldLabel;
                all.AddAnswer(agrees, onGold, passes, answerFlagged[a]);
                if (categories is not null)
                {
                    groups[Group(answers, categories, a)].AddAnswer(agrees, onGold, passes, answerFlagged[a]);
                }
            }
        }

        return all;
    }

    /// <summary>Sets each group's distinct workers and returns the log's.</summary>
    private static int CountWorkers(AnswerSet answers, CategoricalColumn? categories, Tally[] groups)
    {
        var workers = answers.Workers;
        var seen = new int[answers.WorkerCount];
        var distinct = 0;
        foreach (var w in workers)
        {
            distinct += seen[w] == 0 ? 1 : 0;
            seen[w] = 1;
        }

        if (categories is null)
        {
            return distinct;
        }

        // Visiting the answers group by group lets one stamp per worker (the group's index + 2) replace a set per group.
        var groupStart = new int[groups.Length + 1];
        for (var a = 0; a < workers.Length; a++)
        {
            groupStart[Group(answers, categories, a) + 1]++;
        }

        for (var g = 0; g < groups.Length; g++)
        {
            groupStart[g + 1] += groupStart[g];
        }

        var next = groupStart[..^1];
        var order = new int[workers.Length];
        for (var a = 0; a < workers.Length; a++)
        {
            order[next[Group(answers, categories, a)]++] = a;
        }

        for (var g = 0; g < groups.Length; g++)
        {
            for (var i = groupStart[g]; i < groupStart[g + 1]; i++)
            {
                var w = workers[order[i]];
                if (seen[w] != g + 2)
                {
                    seen[w] = g + 2;
                    groups[g].Workers++;
                }
            }
        }

        return distinct;
    }

    /// <summary>The rows of the groups with answers, most answers first, ties in code order with the unknown group last.</summary>
    private static ScorecardRow[] Scorecard(CategoricalColumn categories, Tally[] groups)
    {
        var present = 0;
        foreach (var g in groups)
        {
            present += g.Answers > 0 ? 1 : 0;
        }

        var order = new int[present];
        var at = 0;
        for (var g = 0; g < groups.Length; g++)
        {
            if (groups[g].Answers > 0)
            {
                order[at++] = g;
            }
        }

        Array.Sort(order, (x, y) => groups[x].Answers != groups[y].Answers ? groups[y].Answers.CompareTo(groups[x].Answers) : x.CompareTo(y));
        var rows = new ScorecardRow[present];
        for (var i = 0; i < rows.Length; i++)
        {
            var g = order[i];
            rows[i] = new ScorecardRow(g < categories.Values.Count ? categories.Values[g] : UnknownName, groups[g]);
        }

        return rows;
    }

    private static string Plural(ScorecardColumn column) => column switch
    {
        ScorecardColumn.Project => "projects",
        ScorecardColumn.Country => "countries",
        _ => "vendors",
    };

    /// <summary>The group of answer <paramref name="answer"/>: its row's code, or the unknown group after the last code.</summary>
    private static int Group(AnswerSet answers, CategoricalColumn categories, int answer) =>
        categories.Code(answers.SourceRow(answer)) is var code and >= 0 ? code : categories.Values.Count;

    private static void Check(AnswerSet answers, TruthResult truth, GoldLabels? gold, ReadOnlySpan<bool> answerFlagged, ScorecardColumn column)
    {
        if (column is not (ScorecardColumn.Project or ScorecardColumn.Country or ScorecardColumn.Vendor))
        {
            throw new ArgumentOutOfRangeException(nameof(column), column, $"Expected {ScorecardColumn.Project}, {ScorecardColumn.Country} or {ScorecardColumn.Vendor}.");
        }

        if (truth.Answers.TaskCount != answers.TaskCount || truth.Answers.ClassCount != answers.ClassCount)
        {
            throw new ArgumentException(
                $"The truth covers {truth.Answers.TaskCount} tasks and {truth.Answers.ClassCount} labels; the answers have {answers.TaskCount} and {answers.ClassCount}.",
                nameof(truth));
        }

        if (gold is not null && gold.TaskCount != answers.TaskCount)
        {
            throw new ArgumentException($"The gold covers {gold.TaskCount} tasks; the answers have {answers.TaskCount}.", nameof(gold));
        }

        if (answerFlagged.Length != answers.Count)
        {
            throw new ArgumentException($"Expected one flag per answer ({answers.Count}); got {answerFlagged.Length}.", nameof(answerFlagged));
        }
    }

    /// <summary>The first answer whose source row is not in <paramref name="categories"/>; -1 when there is none.</summary>
    private static int OutsideRows(AnswerSet answers, CategoricalColumn categories)
    {
        for (var a = 0; a < answers.Count; a++)
        {
            if (answers.SourceRow(a) >= categories.Count)
            {
                return a;
            }
        }

        return -1;
    }
}
