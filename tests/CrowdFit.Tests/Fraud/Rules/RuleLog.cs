using CrowdFit.Answers;
using CrowdFit.Fraud;
using CrowdFit.Truth;

namespace CrowdFit.Tests.Fraud.Rules;

/// <summary>Builds work logs from hand-written answers; a context column exists when any row has a value for it.</summary>
internal static class RuleLog
{
    public static readonly DateTimeOffset Day = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    public static WorkLog Build(IEnumerable<RuleRow> source, IEnumerable<(string Task, string Label)>? gold = null)
    {
        var rows = source.ToArray();
        var answers = AnswerSet.FromTriples(rows.Select(r => (r.Task, r.Worker, r.Label)));
        var context = new AnswerContext(
            rows.Length,
            startedAtTicks: Ticks(rows.Select(r => r.Start)),
            submittedAtTicks: Ticks(rows.Select(r => r.Submit)),
            country: Column(rows.Select(r => r.Country)),
            paymentCountry: Column(rows.Select(r => r.Payment)),
            taskType: Column(rows.Select(r => r.Type)));
        var goldLabels = gold is null ? null : GoldLabels.FromPairs(answers, gold);
        return new WorkLog(answers, context, goldLabels, new MajorityVote().Infer(answers, goldLabels));
    }

    /// <summary>The answer index of <paramref name="worker"/>'s answer to <paramref name="task"/>.</summary>
    public static int Answer(WorkLog log, string task, string worker)
    {
        var answers = log.Answers;
        var t = answers.FindTask(task);
        var w = answers.FindWorker(worker);
        for (var a = answers.TaskStart(t); a < answers.TaskStart(t) + answers.TaskAnswerCount(t); a++)
        {
            if (answers.Workers[a] == w)
            {
                return a;
            }
        }

        throw new ArgumentException($"{worker} did not answer {task}.");
    }

    /// <summary>The answer indices whose answer p-value is 0, as "task/worker" strings in sorted order.</summary>
    public static string[] Flagged(WorkLog log, DetectorReport report)
    {
        var answers = log.Answers;
        var flagged = new List<string>();
        for (var a = 0; a < answers.Count; a++)
        {
            if (report.AnswerP[a] == 0)
            {
                flagged.Add($"{answers.TaskIds[answers.Tasks[a]]}/{answers.WorkerIds[answers.Workers[a]]}");
            }
        }

        flagged.Sort(StringComparer.Ordinal);
        return [.. flagged];
    }

    public static double WorkerP(WorkLog log, DetectorReport report, string worker) => report.WorkerP[log.Answers.FindWorker(worker)];

    public static string? WorkerReason(WorkLog log, DetectorReport report, string worker) => report.WorkerReason(log.Answers.FindWorker(worker));

    private static long[]? Ticks(IEnumerable<double?> seconds)
    {
        var values = seconds.ToArray();
        return values.All(s => s is null)
            ? null
            : [.. values.Select(s => s is { } x ? Day.AddSeconds(x).UtcTicks : AnswerContext.MissingTicks)];
    }

    private static CategoricalColumn? Column(IEnumerable<string?> cells)
    {
        var values = cells.ToArray();
        if (values.All(v => v is null))
        {
            return null;
        }

        var distinct = values.OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        return new CategoricalColumn(distinct, [.. values.Select(v => v is null ? CategoricalColumn.Missing : Array.IndexOf(distinct, v))]);
    }
}
