using CrowdFit.Service.Errors;
using CrowdFit.Service.Keys;
using CrowdFit.Service.Projects;
using CrowdFit.Service.Review;
using CrowdFit.Service.Storage;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrowdFit.Service.Findings;

/// <summary><c>/api/me/answers</c> and <c>/api/me/score</c>: a worker's own answers and standing (worker keys only, and only their own; SPEC F6).</summary>
internal static class MeApi
{
    public static RouteGroupBuilder MapMe(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/me").WithTags("Me").RequireAuthorization(p => p.RequireRole(Roles.Worker));
        me.MapGet("/answers", Answers).WithName("MyAnswers")
            .WithDescription("The calling worker's answers with task, label, decision and time, newest first; project filters to one project.");
        me.MapGet("/score", Score).WithName("MyScore")
            .WithDescription("The calling worker's standing in a project: answers, rejections, predicted accuracy with its 95 % interval, whether they are flagged and why, and whether they are suspended.");
        return me;
    }

    private static async Task<Results<Ok<Page<MyAnswerDto>>, ValidationProblem>> Answers(
        string? project, int? page, int? pageSize, HttpContext context, Database database, CancellationToken cancellationToken)
    {
        var (number, size, problem) = Paging.Check(page, pageSize);
        if (problem is not null)
        {
            return problem;
        }

        var args = new { w = Roles.WorkerOf(context), project = project ?? "", size, skip = (number - 1) * size };
        const string Filter = "worker_id = @w and (@project = '' or project_id = @project)";
        await using var connection = await database.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>($"select count(*) from answers where {Filter}", args);
        var rows = await connection.QueryAsync<(long Id, string Project, string Task, string Label, string Decision, string ReceivedAt)>(
            $"select id, project_id, task_id, label, decision, received_at from answers where {Filter} order by id desc limit @size offset @skip", args);
        return TypedResults.Ok(new Page<MyAnswerDto>([.. rows.Select(r => new MyAnswerDto(r.Id, r.Project, r.Task, r.Label, r.Decision, r.ReceivedAt))], number, size, total));
    }

    private static async Task<Results<Ok<MyScoreDto>, ValidationProblem, ProblemHttpResult>> Score(
        string? project, string? taskType, HttpContext context, ProjectCatalog catalog, Database database, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(project))
        {
            return Problems.Invalid("project", "The project is required: GET /api/me/score?project=ID.");
        }

        if (!catalog.TryGet(project, out var host))
        {
            return Problems.NotFound($"Project '{project}' does not exist.");
        }

        if (taskType is not null && !host.TaskTypes.Contains(taskType, StringComparer.Ordinal))
        {
            return Problems.Invalid("taskType", host.TaskTypes.Count == 0
                ? $"Project '{project}' has no task types; leave taskType out (was '{taskType}')."
                : $"Unknown task type '{taskType}'; the project's types are {string.Join(", ", host.TaskTypes)}.");
        }

        var worker = Roles.WorkerOf(context)!;
        var standing = host.Live.WorkerStanding(worker, taskType ?? (host.TaskTypes.Count > 0 ? host.TaskTypes[0] : null));
        await using var connection = await database.OpenAsync(cancellationToken);
        var args = new { p = project, w = worker };
        var (answers, rejections) = await connection.QuerySingleAsync<(long, long?)>(
            "select count(*), sum(case when decision = 'reject' then 1 else 0 end) from answers where project_id = @p and worker_id = @w", args);
        string? reason = null;
        if (standing.FlagReason is { } flag)
        {
            var others = await connection.QueryAsync<string>("select distinct worker_id from answers where project_id = @p", args);
            reason = WorkerView.Redact(flag, worker, others);
        }

        var skill = standing.Skill;
        return TypedResults.Ok(new MyScoreDto(
            worker, project, standing.ModelVersion, standing.TaskType, answers, rejections ?? 0, standing.AnswersSeen,
            skill.Mean, skill.Low, skill.High, reason is not null, reason, host.Live.IsSuspended(worker)));
    }
}
