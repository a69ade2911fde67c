using System.Globalization;
using System.Text.Json;
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

    /// <summary>Answers an open appeal and appends the outcome to the project's decision log, both in one commit.</summary>
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
            var version = catalog.TryGet(row.ProjectId, out var host) ? host.Live.ModelVersion : 0;
            await queue.Enqueue(new PendingWrite
            {
                Sql = [new SqlWrite(
                    "update appeals set status = @Status, explanation = @Explanation, analyst = @Analyst, answered_at = @AnsweredAt where id = @Id and status = 'open'",
                    row)],
                Entry = new DecisionLogRow
                {
                    ProjectId = row.ProjectId, AnswerId = row.AnswerId, TaskId = row.TaskId, Action = overturned ? "overturn" : "uphold",
                    Reasons = JsonSerializer.Serialize(new[] { explanation, $"appeal {row.Id} of worker {row.WorkerId}" }),
                    ModelVersion = version, Actor = analyst, At = row.AnsweredAt,
                },
            });
            return (row, null);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Why the outcome is not one of upheld and overturned, or null.</summary>
    public static string? OutcomeProblem(string? outcome) => outcome is Appeal.Upheld or Appeal.Overturned
        ? null
        : $"The outcome must be upheld or overturned (was '{outcome}').";

    /// <summary>The text's problem as an appeal message or explanation, or null.</summary>
    public static string? TextProblem(string? text, string what) => ReviewCases.TextProblem(text, what);
}
