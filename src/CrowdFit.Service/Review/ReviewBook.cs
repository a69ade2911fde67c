using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using CrowdFit.Service.Answers;
using CrowdFit.Service.Projects;
using CrowdFit.Service.Storage;
using Dapper;

namespace CrowdFit.Service.Review;

/// <summary>
/// The review queue (SPEC F5). Opens a case for every answer the engine rejected or sent to review, and for every
/// worker a re-estimation flagged; records analysts' decisions. Changes are serialised by one gate and committed
/// through the <see cref="CommitQueue"/> before anyone is told about them.
/// </summary>
internal sealed class ReviewBook(Database database, CommitQueue queue, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, (long LastAnswer, int Version)> _seen = new(StringComparer.Ordinal);
    private long _lastCase = -1;

    public void Dispose() => _gate.Dispose();

    /// <summary>
    /// Opens the cases the engine has given reason for since the last call: answers stored as rejected or sent to
    /// review, and, when the model version changed, workers the re-estimation flagged (again only when the reasons
    /// differ from an earlier case's). Returns the number of cases opened.
    /// </summary>
    public async Task<int> SyncAsync(ProjectHost host, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await ResumeAsync(connection);
            var p = new { p = host.Id };
            if (!_seen.TryGetValue(host.Id, out var seen))
            {
                seen = (await connection.ExecuteScalarAsync<long>(
                    "select coalesce(max(answer_id), 0) from review_cases where project_id = @p and kind = 'answer'", p), -1);
            }

            var at = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
            var cases = new List<ReviewCaseRow>();
            var answers = await connection.QueryAsync<(long Id, string Task, string Worker, string Reasons, int Version)>(
                """
                select a.id, a.task_id, a.worker_id, d.reasons, d.model_version from answers a
                join decision_log d on d.answer_id = a.id and d.actor = @actor
                where a.project_id = @p and a.id > @after and a.decision in ('reject', 'review')
                  and not exists (select 1 from review_cases c where c.answer_id = a.id and c.kind = 'answer')
                order by a.id
                """,
                new { p = host.Id, after = seen.LastAnswer, actor = AnswersApi.Actor });
            var lastAnswer = seen.LastAnswer;
            foreach (var a in answers)
            {
                var risk = host.Live.Rank(a.Task, [a.Worker])[0].Risk;
                cases.Add(NewCase(host.Id, ReviewCases.Answer, a.Worker, a.Task, a.Id, a.Reasons, risk, a.Version, at));
                lastAnswer = a.Id;
            }

            var version = host.Live.ModelVersion;
            if (version != seen.Version)
            {
                var earlier = (await connection.QueryAsync<(string Worker, string Reasons)>(
                    "select worker_id, reasons from review_cases where project_id = @p and kind = 'worker'", p)).ToHashSet();
                var workers = await connection.QueryAsync<string>(
                    "select distinct worker_id from answers where project_id = @p order by worker_id", p);
                string[] tasks;
                lock (host.Gate)
                {
                    tasks = [.. host.Tasks];
                }

                foreach (var worker in workers)
                {
                    var standing = WorkerProbe.Of(host.Live, worker, tasks);
                    var reasons = JsonSerializer.Serialize(new[] { standing.Flag });
                    if (standing.Flag is not null && !earlier.Contains((worker, reasons)))
                    {
                        cases.Add(NewCase(host.Id, ReviewCases.Worker, worker, null, null, reasons, standing.Risk, version, at));
                    }
                }
            }

            await CommitAsync(host, cases, at);
            _seen[host.Id] = (lastAnswer, version);
            return cases.Count;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Confirms (fraud) or clears an open case with the analyst's note, and appends the decision to the project's
    /// decision log; both are committed before it returns. Confirming a worker case suspends the worker, clearing one
    /// lifts their suspension (<see cref="Suspensions"/>), each with its own entry. The decision then joins the supervised fraud model's
    /// training labels and a re-estimation is requested.
    /// </summary>
    /// <returns>The decided case, or null when the project has no such case; <c>Conflict</c> when it was already decided.</returns>
    public async Task<(ReviewCaseRow? Case, bool Conflict)> DecideAsync(ProjectHost host, long id, bool fraud, string analyst, string note)
    {
        await _gate.WaitAsync();
        try
        {
            await using var connection = await database.OpenAsync();
            var row = await connection.QuerySingleOrDefaultAsync<ReviewCaseRow>(
                $"select {ReviewCases.Columns} from review_cases where project_id = @p and id = @id", new { p = host.Id, id });
            if (row is null || row.Status != ReviewCases.Open)
            {
                return (row, row is not null);
            }

            row.Status = fraud ? ReviewCases.Confirmed : ReviewCases.Cleared;
            row.Analyst = analyst;
            row.Note = note;
            row.DecidedAt = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
            var write = new PendingWrite
            {
                Sql = [new SqlWrite(
                    "update review_cases set status = @Status, analyst = @Analyst, note = @Note, decided_at = @DecidedAt where id = @Id and status = 'open'",
                    row)],
                Entry = new DecisionLogRow
                {
                    ProjectId = host.Id, AnswerId = row.AnswerId, TaskId = row.TaskId ?? "", Action = fraud ? "confirm" : "clear",
                    Label = fraud ? "fraud" : "ok", Confidence = row.FraudProbability,
                    Reasons = JsonSerializer.Serialize(new[] { note, $"case {row.Id}: {row.Kind} of worker {row.WorkerId}" }),
                    ModelVersion = row.ModelVersion, Actor = analyst, At = row.DecidedAt,
                },
            };
            // A confirmed worker case suspends the worker, a cleared one lifts their suspension: the engine changes
            // under the host's gate as the entries are queued, in the order the replay at startup applies them.
            Task committed;
            Task suspension = Task.CompletedTask;
            lock (host.Gate)
            {
                committed = queue.Enqueue(write);
                var entry = fraud ? Suspensions.Confirmed(host, row, analyst, row.DecidedAt) : Suspensions.Cleared(host, row, analyst, row.DecidedAt);
                if (entry is not null)
                {
                    suspension = queue.Enqueue(new PendingWrite { Entry = entry });
                }
            }

            await committed;
            await suspension;

            // The decision trains the supervised fraud model: a re-estimation now puts it to use.
            host.Confirmed.Add(row.TaskId, row.WorkerId, fraud);
            host.Live.RequestRefit();
            return (row, false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stores new cases, a worker flag with its decision log entry; answer cases' decisions are logged already.</summary>
    private async Task CommitAsync(ProjectHost host, List<ReviewCaseRow> cases, string at)
    {
        if (cases.Count == 0)
        {
            return;
        }

        var writes = new List<Task>();
        var answers = new List<SqlWrite>();
        foreach (var c in cases)
        {
            c.Id = ++_lastCase;
            if (c.Kind == ReviewCases.Answer)
            {
                answers.Add(new SqlWrite(ReviewCases.Insert, c));
                continue;
            }

            writes.Add(queue.Enqueue(new PendingWrite
            {
                Sql = [new SqlWrite(ReviewCases.Insert, c)],
                Entry = new DecisionLogRow
                {
                    ProjectId = host.Id, TaskId = "", Action = "flag", Confidence = c.FraudProbability,
                    Reasons = JsonSerializer.Serialize<string[]>([$"worker {c.WorkerId} flagged", .. JsonSerializer.Deserialize<string[]>(c.Reasons) ?? []]),
                    ModelVersion = c.ModelVersion, Actor = AnswersApi.Actor, At = at,
                },
            }));
        }

        if (answers.Count > 0)
        {
            writes.Add(queue.Enqueue(new PendingWrite { Sql = answers }));
        }

        try
        {
            await Task.WhenAll(writes);
        }
        catch
        {
            // Ids of cases that were not stored are not reused: the next case id is read back from the database.
            _lastCase = -1;
            throw;
        }
    }

    private async Task ResumeAsync(DbConnection connection)
    {
        if (_lastCase < 0)
        {
            _lastCase = await connection.ExecuteScalarAsync<long>("select coalesce(max(id), 0) from review_cases");
        }
    }

    private static ReviewCaseRow NewCase(
        string project, string kind, string worker, string? task, long? answer, string reasons, double risk, int version, string at) => new()
        {
            ProjectId = project, Kind = kind, WorkerId = worker, TaskId = task, AnswerId = answer, Reasons = reasons,
            FraudProbability = risk, ModelVersion = version, OpenedAt = at, Status = ReviewCases.Open,
        };
}
