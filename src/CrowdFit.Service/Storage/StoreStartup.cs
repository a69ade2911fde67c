using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using CrowdFit.Routing;
using CrowdFit.Service.Answers;
using CrowdFit.Service.Appeals;
using CrowdFit.Service.Keys;
using CrowdFit.Service.Projects;
using CrowdFit.Service.Review;
using Dapper;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Options;

namespace CrowdFit.Service.Storage;

/// <summary>
/// Before the service takes requests: creates the schema, switches SQLite to WAL, loads the keys (creating the
/// bootstrap admin key), and rebuilds every project's engine by replaying its tasks, workers and answers in order,
/// with the answers that overturned appeals reinstated and workers suspended or lifted where they were, then trains on
/// the analysts' decisions.
/// </summary>
internal sealed partial class StoreStartup(
    IServiceScopeFactory scopes, Database database, ProjectCatalog catalog, CommitQueue queue, KeyRing keys,
    IOptions<ServiceSettings> settings, TimeProvider clock, ILogger<StoreStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        IModel model;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrowdFitDb>();
            await db.Database.EnsureCreatedAsync(cancellationToken);
            model = db.Model;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var column in await SchemaUpgrade.ApplyAsync(model, connection, database.Postgres, cancellationToken))
        {
            LogColumnAdded(logger, column);
        }

        if (!database.Postgres)
        {
            await SqlitePragmas.EnableWalAsync(connection, cancellationToken);
        }

        catalog.Resume(await connection.ExecuteScalarAsync<long>(
            """
            select max(m) from (
              select coalesce(max(seq), 0) as m from projects union all select coalesce(max(seq), 0) from tasks
              union all select coalesce(max(seq), 0) from workers union all select coalesce(max(id), 0) from answers) s
            """));
        var heads = await connection.QueryAsync<(string, long, string)>(
            """
            select d.project_id, d.position, d.hash from decision_log d
            join (select project_id, max(position) as p from decision_log group by project_id) m on m.project_id = d.project_id and m.p = d.position
            """);
        queue.Resume(await connection.ExecuteScalarAsync<long>("select coalesce(max(seq), 0) from decision_log"), heads);
        await LoadKeysAsync(connection);

        var projects = await connection.QueryAsync<ProjectRow>(
            """
            select id as Id, name as Name, seq as Seq, labels as Labels, aql as Aql, max_answers as MaxAnswers,
                   task_types as TaskTypes, requirements as Requirements, pay as Pay,
                   rules as Rules, created_at as CreatedAt
            from projects order by seq
            """);
        foreach (var row in projects)
        {
            var host = new ProjectHost(row, settings.Value.RefitEvery, database);
            var (answers, diverged) = await ReplayAsync(connection, host);
            catalog.TryAdd(host);
            LogReplayed(logger, row.Id, host.Live.TaskCount, answers, diverged);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Feeds the engine the project's history in stored order; counts answers whose replayed decision differs from the stored one.</summary>
    private static async Task<(int Answers, int Diverged)> ReplayAsync(DbConnection connection, ProjectHost host)
    {
        var p = new { p = host.Id };
        var tasks = (await connection.QueryAsync<(long Seq, string Task, string? Type, string? Gold)>(
            "select t.seq, t.task_id, t.task_type, g.label from tasks t left join gold g on g.project_id = t.project_id and g.task_id = t.task_id where t.project_id = @p order by t.seq", p)).ToList();
        var workers = (await connection.QueryAsync<(long Seq, string Worker, string? Country, string Qualifications)>(
            "select seq, worker_id, country, qualifications from workers where project_id = @p order by seq", p)).ToList();
        var answers = (await connection.QueryAsync<(long Id, string Task, string Worker, string Label, string Decision)>(
            "select id, task_id, worker_id, label, decision from answers where project_id = @p order by id", p)).ToList();

        // An overturned appeal counted its answer again right after the answer logged before it.
        var overturns = (await connection.QueryAsync<(long After, string Task, string Worker)>(
            """
            select (select coalesce(max(e.answer_id), 0) from decision_log e
                    where e.project_id = d.project_id and e.position < d.position and e.actor = @engine and e.answer_id is not null),
                   a.task_id, a.worker_id
            from decision_log d join answers a on a.id = d.answer_id
            where d.project_id = @p and d.action = @overturn order by d.position
            """,
            new { p = host.Id, engine = AnswersApi.Actor, overturn = AppealDesk.Overturn })).ToList();
        // Suspensions and lifts took effect right after the answer logged before them, like overturns.
        var suspensions = (await connection.QueryAsync<(long After, string Action, string Worker, string Reasons)>(
            """
            select (select coalesce(max(e.answer_id), 0) from decision_log e
                    where e.project_id = d.project_id and e.position < d.position and e.actor = @engine and e.answer_id is not null),
                   d.action, d.label, d.reasons
            from decision_log d
            where d.project_id = @p and d.action in (@suspend, @lift) and d.label is not null order by d.position
            """,
            new { p = host.Id, engine = AnswersApi.Actor, suspend = Suspensions.Suspend, lift = Suspensions.Lift })).ToList();
        var decisions = await connection.QueryAsync<(string? Task, string Worker, string Status)>(
            "select task_id, worker_id, status from review_cases where project_id = @p and status <> 'open' order by decided_at, id", p);
        int t = 0, w = 0, a = 0, o = 0, s = 0, diverged = 0;
        lock (host.Gate)
        {
            while (t < tasks.Count || w < workers.Count || a < answers.Count)
            {
                var ts = t < tasks.Count ? tasks[t].Seq : long.MaxValue;
                var ws = w < workers.Count ? workers[w].Seq : long.MaxValue;
                var an = a < answers.Count ? answers[a].Id : long.MaxValue;
                if (ts < ws && ts < an)
                {
                    host.AddTask(tasks[t].Task, tasks[t].Type, tasks[t].Gold);
                    t++;
                }
                else if (ws < an)
                {
                    var qualifications = JsonSerializer.Deserialize<string[]>(workers[w].Qualifications) ?? [];
                    host.Live.AddWorker(new WorkerProfile(workers[w].Worker, workers[w].Country, qualifications.ToHashSet(StringComparer.Ordinal)));
                    w++;
                }
                else
                {
                    var answer = answers[a];
                    for (; s < suspensions.Count && suspensions[s].After < answer.Id; s++)
                    {
                        Suspensions.Replay(host, suspensions[s].Action, suspensions[s].Worker, suspensions[s].Reasons);
                    }

                    var decision = host.Replay(answer.Task, answer.Worker, answer.Label);
                    diverged += AnswersApi.Name(decision.Kind.ToString()) == answer.Decision ? 0 : 1;
                    a++;
                    for (; o < overturns.Count && overturns[o].After <= answer.Id; o++)
                    {
                        host.Live.Reinstate(overturns[o].Task, overturns[o].Worker);
                    }
                }
            }

            for (; s < suspensions.Count; s++)
            {
                Suspensions.Replay(host, suspensions[s].Action, suspensions[s].Worker, suspensions[s].Reasons);
            }

            // Analysts' decisions train the supervised model from the first re-estimation after the replay on.
            foreach (var (task, worker, status) in decisions)
            {
                host.Confirmed.Add(task, worker, status == ReviewCases.Confirmed);
            }

            if (host.Confirmed.Count > 0)
            {
                host.Live.Refit();
            }

            // Changes made by re-estimations during the replay were reported when they first happened.
            host.Live.TakeChanges();
        }

        return (answers.Count, diverged);
    }

    private async Task LoadKeysAsync(DbConnection connection)
    {
        var rows = await connection.QueryAsync<ApiKeyRow>(
            "select hash as Hash, role as Role, worker_id as WorkerId, name as Name, created_at as CreatedAt from api_keys");
        foreach (var row in rows)
        {
            keys.Add(row);
        }

        var configured = settings.Value.AdminKey;
        if (string.IsNullOrEmpty(configured) && keys.HasAdmin)
        {
            return;
        }

        var key = string.IsNullOrEmpty(configured) ? KeyRing.NewKey() : configured;
        if (keys.TryFind(key, out _))
        {
            return;
        }

        var admin = new ApiKeyRow
        {
            Hash = KeyRing.HashOf(key), Role = Roles.Admin, Name = "bootstrap admin",
            CreatedAt = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        };
        await connection.ExecuteAsync(
            "insert into api_keys (hash, role, worker_id, name, created_at) values (@Hash, @Role, @WorkerId, @Name, @CreatedAt)", admin);
        keys.Add(admin);
        if (string.IsNullOrEmpty(configured))
        {
            // Shown once: only its hash is stored.
            Console.WriteLine($"CrowdFit admin API key (shown once; keep it): {key}");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database was made by an earlier CrowdFit: added the empty column {Column}.")]
    private static partial void LogColumnAdded(ILogger logger, string column);

    [LoggerMessage(Level = LogLevel.Information, Message = "Project {Project} rebuilt: {Tasks} tasks, {Answers} answers replayed, {Diverged} decided differently than when first received.")]
    private static partial void LogReplayed(ILogger logger, string project, int tasks, int answers, int diverged);
}
