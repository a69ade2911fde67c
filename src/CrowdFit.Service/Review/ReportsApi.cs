using System.Data.Common;
using System.Globalization;
using CrowdFit.Live;
using CrowdFit.Service.Answers;
using CrowdFit.Service.Errors;
using CrowdFit.Service.Keys;
using CrowdFit.Service.Projects;
using CrowdFit.Service.Storage;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrowdFit.Service.Review;

/// <summary><c>/api/projects/{id}/reports</c>: project health, worker scorecards and flags as JSON (SPEC F1).</summary>
internal static class ReportsApi
{
    public static RouteGroupBuilder MapReports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/projects/{id}/reports").WithTags("Reports").RequireAuthorization(Roles.ReaderPolicy);
        group.MapGet("/health", Health).WithName("ProjectHealth")
            .WithDescription("Answers, tasks by status, labels per task, progress against the AQL, answers per minute over the last hour, and the supervised fraud model's state.");
        group.MapGet("/workers", Workers).WithName("WorkerScorecards")
            .WithDescription("Per worker, by id: answers, rejections, accuracy estimate, fraud probability, flag, open review cases and whether the worker is suspended.");
        group.MapGet("/flags", Flags).WithName("ProjectFlags").WithDescription("Workers the engine flags now, with reasons and their review case, and the review queue's counts.");
        return group;
    }

    internal static async Task<Results<Ok<HealthDto>, ProblemHttpResult>> Health(string id, ProjectCatalog catalog, Database database, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!catalog.TryGet(id, out var host))
        {
            return Problems.NotFound($"Project '{id}' does not exist.");
        }

        var now = clock.GetUtcNow();
        var from = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(-59);
        await using var connection = await database.OpenAsync(cancellationToken);
        var p = new { p = id, from = from.ToString("O", CultureInfo.InvariantCulture) };
        var byDecision = (await connection.QueryAsync<(string Decision, long Count)>(
            "select decision, count(*) from answers where project_id = @p group by decision", p)).ToDictionary(d => d.Decision, d => d.Count, StringComparer.Ordinal);
        var minutes = new long[60];
        foreach (var (minute, count) in await connection.QueryAsync<(string Minute, long Count)>(
            "select substr(received_at, 1, 16), count(*) from answers where project_id = @p and received_at >= @from group by substr(received_at, 1, 16)", p))
        {
            var at = DateTime.ParseExact(minute, "yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            var index = (int)(at - from.UtcDateTime).TotalMinutes;
            if (index is >= 0 and < 60)
            {
                minutes[index] += count;
            }
        }

        var statuses = Enum.GetValues<LiveTaskStatus>().ToDictionary(s => AnswersApi.Name(s.ToString()), _ => 0, StringComparer.Ordinal);
        int tasks, counted = 0;
        lock (host.Gate)
        {
            tasks = host.Tasks.Count;
            foreach (var task in host.Tasks)
            {
                var state = host.Live.State(task);
                statuses[AnswersApi.Name(state.ToString())]++;
                counted += state == LiveTaskStatus.Gold ? 0 : host.Live.Status(task).Answers;
            }
        }

        var plan = host.Live.Plan();
        var work = tasks - statuses["gold"];
        var onWork = await connection.ExecuteScalarAsync<long>(
            "select count(*) from answers a where a.project_id = @p and not exists (select 1 from gold g where g.project_id = a.project_id and g.task_id = a.task_id)", p);
        var aql = new AqlProgressDto(
            plan.Aql, plan.Delivered, work > 0 ? (double)plan.Delivered / work : 0, plan.ExpectedError, plan.MeetsAql, plan.Tasks.Count, plan.ProjectedError);
        var lastHour = minutes.Sum();
        var throughput = new ThroughputDto(from.ToString("O", CultureInfo.InvariantCulture), lastHour, lastHour / 60.0, minutes);
        return TypedResults.Ok(new HealthDto(
            id, host.Live.ModelVersion, byDecision.Values.Sum(), byDecision, tasks, statuses,
            work > 0 ? (double)onWork / work : 0, work > 0 ? (double)counted / work : 0, aql, throughput,
            SupervisedModelDto.Of(host.Confirmed, host.Live.Stacked)));
    }

    internal static async Task<Results<Ok<Page<WorkerScoreDto>>, ValidationProblem, ProblemHttpResult>> Workers(
        string id, int? page, int? pageSize, ProjectCatalog catalog, Database database, CancellationToken cancellationToken)
    {
        if (!catalog.TryGet(id, out var host))
        {
            return Problems.NotFound($"Project '{id}' does not exist.");
        }

        var (number, size, problem) = Paging.Check(page, pageSize);
        if (problem is not null)
        {
            return problem;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var args = new { p = id, size, skip = (number - 1) * size };
        var total = await connection.ExecuteScalarAsync<long>("select count(distinct worker_id) from answers where project_id = @p", args);
        var rows = await connection.QueryAsync<(string Worker, long Answers, long Rejections, long OpenCases)>(
            """
            select a.worker_id, count(*), sum(case when a.decision = 'reject' then 1 else 0 end),
                   (select count(*) from review_cases c where c.project_id = a.project_id and c.worker_id = a.worker_id and c.status = 'open')
            from answers a where a.project_id = @p group by a.project_id, a.worker_id order by a.worker_id limit @size offset @skip
            """,
            args);
        var tasks = Tasks(host);
        var scores = rows.Select(r =>
        {
            var s = WorkerProbe.Of(host.Live, r.Worker, tasks);
            return new WorkerScoreDto(r.Worker, r.Answers, r.Rejections, s.Accuracy, s.AccuracyLow, s.Risk, s.Flag is not null, s.Flag, r.OpenCases, host.Live.IsSuspended(r.Worker));
        });
        return TypedResults.Ok(new Page<WorkerScoreDto>([.. scores], number, size, total));
    }

    internal static async Task<Results<Ok<FlagsDto>, ProblemHttpResult>> Flags(
        string id, ProjectCatalog catalog, ReviewBook book, Database database, CancellationToken cancellationToken)
    {
        if (!catalog.TryGet(id, out var host))
        {
            return Problems.NotFound($"Project '{id}' does not exist.");
        }

        try
        {
            await book.SyncAsync(host, cancellationToken);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            return Problems.Unavailable($"New review cases could not be stored: {ex.Message}");
        }

        var version = host.Live.ModelVersion;
        await using var connection = await database.OpenAsync(cancellationToken);
        var p = new { p = id };
        var counts = (await connection.QueryAsync<(string Status, long Count)>(
            "select status, count(*) from review_cases where project_id = @p group by status", p)).ToDictionary(c => c.Status, c => c.Count, StringComparer.Ordinal);
        var cases = (await connection.QueryAsync<(string Worker, long Id, string Status)>(
            "select worker_id, id, status from review_cases where project_id = @p and kind = 'worker' order by id", p))
            .GroupBy(c => c.Worker, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var tasks = Tasks(host);
        var flags = new List<FlagDto>();
        foreach (var worker in await connection.QueryAsync<string>("select distinct worker_id from answers where project_id = @p order by worker_id", p))
        {
            if (WorkerProbe.Of(host.Live, worker, tasks) is { Flag: { } reason } standing)
            {
                var latest = cases.TryGetValue(worker, out var c) ? c : default;
                flags.Add(new FlagDto(worker, standing.Risk, reason, latest.Worker is null ? null : latest.Id, latest.Status));
            }
        }

        return TypedResults.Ok(new FlagsDto(
            version, counts.GetValueOrDefault(ReviewCases.Open), counts.GetValueOrDefault(ReviewCases.Confirmed), counts.GetValueOrDefault(ReviewCases.Cleared),
            [.. flags.OrderByDescending(f => f.FraudProbability).ThenBy(f => f.Worker, StringComparer.Ordinal)]));
    }

    private static string[] Tasks(ProjectHost host)
    {
        lock (host.Gate)
        {
            return [.. host.Tasks];
        }
    }
}
