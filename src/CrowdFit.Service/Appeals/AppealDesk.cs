using System.Globalization;
using System.Text.Json;
using CrowdFit.Service.Answers;
using CrowdFit.Service.Projects;
using CrowdFit.Service.Review;
using CrowdFit.Service.Storage;
using Dapper;

namespace CrowdFit.Service.Appeals;

/// <summary>
/// Workers' appeals of rejected answers and analysts' answers to them (SPEC F5). Changes are serialised by one gate
/// and committed through the <see cref="CommitQueue"/>; every answer to an appeal is appended to the decision log.
/// </summary>
internal sealed class AppealDesk(Database database, CommitQueue queue, ProjectCatalog catalog, TimeProvider clock) : IDisposable
{
    /// <summary>The decision log action of an overturned appeal; the replay at startup reinstates its answer.</summary>
    public const string Overturn = "overturn";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _lastAppeal = -1;

    public void Dispose() => _gate.Dispose();

    /// <summary>Files the worker's appeal of their own rejected answer.</summary>
    /// <returns>
    /// The stored appeal; null row with a null conflict when the worker has no such answer (another worker's answer
    /// counts as none); a conflict when the answer was not rejected or is appealed already.
    /// </returns>
    public async Task<(AppealRow? Appeal, string? Conflict)> FileAsync(string worker, long answer, string message)
    {
        await _gate.WaitAsync();
        try
        {
            await using var connection = await database.OpenAsync();
            var stored = await connection.QuerySingleOrDefaultAsync<(string Project, string Task, string Worker, string Decision)>(
                "select project_id, task_id, worker_id, decision from answers where id = @answer", new { answer });
            if (stored.Worker is null || !string.Equals(stored.Worker, worker, StringComparison.Ordinal))
            {
                return (null, null);
            }

            if (stored.Decision != "reject")
            {
                return (null, $"Answer {answer} was not rejected (its decision is {stored.Decision}); only rejected answers can be appealed.");
            }

            if (await connection.ExecuteScalarAsync<long?>("select id from appeals where answer_id = @answer", new { answer }) is { } existing)
            {
                return (null, $"Answer {answer} is already appealed (appeal {existing}).");
            }

            if (_lastAppeal < 0)
            {
                _lastAppeal = await connection.ExecuteScalarAsync<long>("select coalesce(max(id), 0) from appeals");
            }

            var row = new AppealRow
            {
                Id = _lastAppeal + 1, ProjectId = stored.Project, AnswerId = answer, WorkerId = worker, TaskId = stored.Task, Message = message,
                FiledAt = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture), Status = Appeal.Open,
            };
            await queue.Enqueue(new PendingWrite
            {
                Sql = [new SqlWrite(
                    """
                    insert into appeals (id, project_id, answer_id, worker_id, task_id, message, filed_at, status, explanation, analyst, answered_at)
                    values (@Id, @ProjectId, @AnswerId, @WorkerId, @TaskId, @Message, @FiledAt, @Status, @Explanation, @Analyst, @AnsweredAt)
                    """,
                    row)],
            });
            _lastAppeal = row.Id;
            return (row, null);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Answers an open appeal and appends the outcome to the project's decision log, both in one commit. An overturned
    /// appeal's answer counts again in the engine and lifts the worker's suspension (entry <c>lift</c>); the task's new
    /// decision follows in the log, actor <c>engine</c>.
    /// </summary>
    /// <returns>The answered appeal; null row with a null conflict when there is no such appeal; a conflict when it was answered already.</returns>
    public async Task<(AppealRow? Appeal, string? Conflict)> AnswerAsync(long id, bool overturned, string explanation, string analyst)
    {
        await _gate.WaitAsync();
        try
        {
            await using var connection = await database.OpenAsync();
            var row = await connection.QuerySingleOrDefaultAsync<AppealRow>($"select {Appeal.Columns} from appeals where id = @id", new { id });
            if (row is null)
            {
                return (null, null);
            }

            if (row.Status != Appeal.Open)
            {
                return (null, $"Appeal {id} is already {row.Status}; an appeal is answered once.");
            }

            row.Status = overturned ? Appeal.Overturned : Appeal.Upheld;
            row.Explanation = explanation;
            row.Analyst = analyst;
            row.AnsweredAt = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
            var write = new PendingWrite
            {
                Sql = [new SqlWrite(
                    "update appeals set status = @Status, explanation = @Explanation, analyst = @Analyst, answered_at = @AnsweredAt where id = @Id and status = 'open'",
                    row)],
                Entry = new DecisionLogRow
                {
                    ProjectId = row.ProjectId, AnswerId = row.AnswerId, TaskId = row.TaskId, Action = overturned ? Overturn : "uphold",
                    Reasons = JsonSerializer.Serialize(new[] { explanation, $"appeal {row.Id} of worker {row.WorkerId}" }),
                    Actor = analyst, At = row.AnsweredAt,
                },
            };
            if (!catalog.TryGet(row.ProjectId, out var host))
            {
                await queue.Enqueue(write);
                return (row, null);
            }

            Task committed;
            Task? decided = null;
            var lifted = Task.CompletedTask;
            lock (host.Gate)
            {
                write.Entry.ModelVersion = host.Live.ModelVersion;
                committed = queue.Enqueue(write);
                if (overturned && Suspensions.Lifted(host, row.WorkerId, $"appeal {row.Id} overturned", explanation, analyst, row.AnsweredAt) is { } lift)
                {
                    lifted = queue.Enqueue(new PendingWrite { Entry = lift });
                }

                if (overturned && Reinstate(host, row.TaskId, row.WorkerId, row.AnswerId, row.Id, row.AnsweredAt) is { } entry)
                {
                    decided = queue.Enqueue(new PendingWrite { Entry = entry });
                }
            }

            await committed;
            await lifted;
            if (decided is not null)
            {
                await decided;
            }

            return (row, null);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Counts an overturned appeal's answer again in the engine and returns the decision log entry of the task's new
    /// decision, or null when the engine has no rejected answer to count (for example a worker's second answer to a
    /// task). Call under the host's gate, queuing the overturn first; the replay at startup calls it in the same order.
    /// </summary>
    public static DecisionLogRow? Reinstate(ProjectHost host, string task, string worker, long answer, long appeal, string at)
    {
        if (!host.HasTask(task) || host.Live.Reinstate(task, worker) is not { } decision)
        {
            return null;
        }

        return new DecisionLogRow
        {
            ProjectId = host.Id,
            TaskId = task,
            Action = AnswersApi.Name(decision.Kind.ToString()),
            Label = decision.Label >= 0 ? host.Live.Labels[decision.Label] : null,
            Confidence = decision.Confidence,
            ExtraAnswers = decision.More,
            Reasons = JsonSerializer.Serialize<string[]>([$"answer {answer} of worker {worker} counted again: appeal {appeal} overturned", .. decision.Reasons]),
            ModelVersion = host.Live.ModelVersion,
            Actor = AnswersApi.Actor,
            At = at,
        };
    }

    /// <summary>Why the outcome is not one of upheld and overturned, or null.</summary>
    public static string? OutcomeProblem(string? outcome) => outcome is Appeal.Upheld or Appeal.Overturned
        ? null
        : $"The outcome must be upheld or overturned (was '{outcome}').";

    /// <summary>The text's problem as an appeal message or explanation, or null.</summary>
    public static string? TextProblem(string? text, string what) => ReviewCases.TextProblem(text, what);
}
