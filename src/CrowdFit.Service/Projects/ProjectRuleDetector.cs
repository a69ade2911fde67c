using System.Data.Common;
using System.Globalization;
using CrowdFit.Answers;
using CrowdFit.Fraud;
using CrowdFit.Fraud.Rules;
using CrowdFit.Service.Storage;
using Dapper;

namespace CrowdFit.Service.Projects;

/// <summary>
/// A project's hard rules (SPEC D6) in its live engine. The live engine's log holds tasks, workers and labels only,
/// so at each re-estimation this reads the stored start and receive times and the task types of the answers being
/// judged, and runs the engine's <see cref="RuleEngine"/> on them. Rules that need what answers sent to the service do
/// not carry (country, payment country), or an answer time that is unknown, step aside with the engine's reason.
/// </summary>
internal sealed class ProjectRuleDetector(FraudRules rules, Database store, string projectId) : IFraudDetector
{
    private readonly RuleEngine _engine = new(rules);

    public string Name => _engine.Name;

    public bool ReadsTruth => false;

    public DetectorReport Run(WorkLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var answers = log.Answers;
        Dictionary<(string Task, string Worker), (string? Started, string Received, string? Type)> stored;
        try
        {
            stored = Read();
        }
        catch (DbException ex)
        {
            return DetectorReport.Skipped(Name, answers.WorkerCount, answers.Count, $"the answers' times could not be read: {ex.Message}");
        }

        var n = answers.Count;
        var started = new long[n];
        var submitted = new long[n];
        var types = new int[n];
        var typeCodes = new Dictionary<string, int>(StringComparer.Ordinal);
        var typeNames = new List<string>();
        for (var a = 0; a < n; a++)
        {
            var row = answers.SourceRow(a);
            (started[row], submitted[row], types[row]) = (AnswerContext.MissingTicks, AnswerContext.MissingTicks, CategoricalColumn.Missing);
            if (!stored.TryGetValue((answers.TaskIds[answers.Tasks[a]], answers.WorkerIds[answers.Workers[a]]), out var times))
            {
                continue;
            }

            submitted[row] = Ticks(times.Received);
            started[row] = times.Started is null ? AnswerContext.MissingTicks : Ticks(times.Started);
            if (times.Type is { } type)
            {
                if (!typeCodes.TryGetValue(type, out types[row]))
                {
                    types[row] = typeNames.Count;
                    typeCodes.Add(type, types[row]);
                    typeNames.Add(type);
                }
            }
        }

        var context = new AnswerContext(n, started, submitted, taskType: new CategoricalColumn([.. typeNames], types));
        var timed = new WorkLog(answers, context, log.Gold, log.Truth);
        var report = _engine.Run(timed);
        return report.Ran ? InTimelinesOf(log, timed, report) : report;
    }

    /// <summary>
    /// The report with each onset moved from the timed log's timelines (by receive time) to those of the engine's log
    /// (by arrival), at the earliest arrival among the answers from the onset on, so none of them is left before it.
    /// </summary>
    private static DetectorReport InTimelinesOf(WorkLog log, WorkLog timed, DetectorReport report)
    {
        var workers = log.Answers.WorkerCount;
        var reasons = new string?[workers];
        for (var w = 0; w < workers; w++)
        {
            reasons[w] = report.WorkerReason(w);
        }

        int[]? onsets = null;
        if (report.Onsets is { } found)
        {
            onsets = new int[workers];
            for (var w = 0; w < workers; w++)
            {
                onsets[w] = found[w] < 0 ? -1 : int.MaxValue;
                if (found[w] < 0)
                {
                    continue;
                }

                foreach (var a in timed.Timeline(w)[found[w]..])
                {
                    onsets[w] = Math.Min(onsets[w], log.PositionInTimeline(a));
                }
            }
        }

        return new DetectorReport(report.Detector, report.WorkerP.ToArray(), reasons, report.AnswerP.ToArray(), report.AnswerReason, onsets);
    }

    /// <summary>Each task and worker's first stored answer: a second one is a duplicate, which the engine leaves out.</summary>
    private Dictionary<(string Task, string Worker), (string? Started, string Received, string? Type)> Read()
    {
        using var connection = store.Open();
        var rows = connection.Query<(string Task, string Worker, string? Started, string Received, string? Type)>(
            """
            select a.task_id, a.worker_id, a.started_at, a.received_at, t.task_type
            from answers a left join tasks t on t.project_id = a.project_id and t.task_id = a.task_id
            where a.project_id = @p order by a.id
            """,
            new { p = projectId });
        var times = new Dictionary<(string Task, string Worker), (string? Started, string Received, string? Type)>();
        foreach (var r in rows)
        {
            times.TryAdd((r.Task, r.Worker), (r.Started, r.Received, r.Type));
        }

        return times;
    }

    private static long Ticks(string iso) =>
        DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind).UtcTicks;
}
