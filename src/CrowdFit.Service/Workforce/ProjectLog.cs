using System.Data.Common;
using System.Globalization;
using CrowdFit.Answers;
using CrowdFit.Operations;
using CrowdFit.Service.Projects;
using Dapper;

namespace CrowdFit.Service.Workforce;

/// <summary>
/// A project's stored answers as the engine's analyses read them: the answer set, and a context whose source rows are
/// the answers in the order they were received, with start and submit times, the project's reward, each task's type
/// and each worker's country (from their latest profile).
/// </summary>
internal sealed class ProjectLog
{
    private ProjectLog(AnswerSet answers, AnswerContext context, bool[] rejected, string[] workerCountry)
    {
        Answers = answers;
        Context = context;
        Rejected = rejected;
        WorkerCountry = workerCountry;
    }

    public AnswerSet Answers { get; }

    public AnswerContext Context { get; }

    /// <summary>Whether each source row's answer was rejected.</summary>
    public IReadOnlyList<bool> Rejected { get; }

    /// <summary>Each worker's country (by worker index, upper case), or <see cref="CohortAudit.UnknownName"/>.</summary>
    public IReadOnlyList<string> WorkerCountry { get; }

    /// <summary>Answers whose start is unknown or not before their submit: paid, but of unknown time.</summary>
    public int UnknownTime { get; private init; }

    /// <summary>Reads the project's answers in the order they were received.</summary>
    public static async Task<ProjectLog> LoadAsync(DbConnection connection, ProjectHost host, CancellationToken cancellationToken)
    {
        var p = new { p = host.Id };
        var rows = (await connection.QueryAsync<(string Task, string Worker, string Label, string? StartedAt, string ReceivedAt, string Decision, string? Type)>(
            new CommandDefinition(
                """
                select a.task_id, a.worker_id, a.label, a.started_at, a.received_at, a.decision, t.task_type
                from answers a left join tasks t on t.project_id = a.project_id and t.task_id = a.task_id
                where a.project_id = @p order by a.id
                """,
                p,
                cancellationToken: cancellationToken))).ToList();
        var countries = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (worker, country) in await connection.QueryAsync<(string, string?)>(
            new CommandDefinition("select worker_id, country from workers where project_id = @p order by seq", p, cancellationToken: cancellationToken)))
        {
            countries[worker] = string.IsNullOrWhiteSpace(country) ? null : country.Trim().ToUpperInvariant();
        }

        var n = rows.Count;
        var started = new long[n];
        var submitted = new long[n];
        var rejected = new bool[n];
        var types = new Interner(n);
        var rowCountry = new Interner(n);
        var unknown = 0;
        for (var i = 0; i < n; i++)
        {
            var r = rows[i];
            submitted[i] = Ticks(r.ReceivedAt);
            started[i] = r.StartedAt is null ? AnswerContext.MissingTicks : Ticks(r.StartedAt);
            unknown += started[i] == AnswerContext.MissingTicks || submitted[i] <= started[i] ? 1 : 0;
            rejected[i] = r.Decision == "reject";
            types.Add(i, r.Type);
            rowCountry.Add(i, countries.GetValueOrDefault(r.Worker));
        }

        var answers = AnswerSet.FromTriples(rows.Select(r => (r.Task, r.Worker, r.Label)), host.Labels);
        double[]? reward = host.Pay?.Reward is { } each ? Enumerable.Repeat(each, n).ToArray() : null;
        var context = new AnswerContext(n, started, submitted, country: rowCountry.Column(), taskType: types.Column(), reward: reward);
        var workerCountry = answers.WorkerIds.Select(w => countries.GetValueOrDefault(w) ?? CohortAudit.UnknownName).ToArray();
        return new ProjectLog(answers, context, rejected, workerCountry) { UnknownTime = unknown };
    }

    private static long Ticks(string iso) =>
        DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind).UtcTicks;

    /// <summary>Builds a <see cref="CategoricalColumn"/> row by row.</summary>
    private sealed class Interner(int rows)
    {
        private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);
        private readonly List<string> _values = [];
        private readonly int[] _rows = new int[rows];

        public void Add(int row, string? value)
        {
            if (value is null)
            {
                _rows[row] = CategoricalColumn.Missing;
                return;
            }

            if (!_codes.TryGetValue(value, out var code))
            {
                code = _values.Count;
                _codes.Add(value, code);
                _values.Add(value);
            }

            _rows[row] = code;
        }

        public CategoricalColumn Column() => new([.. _values], _rows);
    }
}
