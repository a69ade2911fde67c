using System.Data.Common;
using System.Text.Json;
using CrowdFit.Service.Answers;
using CrowdFit.Service.Errors;
using CrowdFit.Service.Keys;
using CrowdFit.Service.Review;
using CrowdFit.Service.Storage;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrowdFit.Service.Appeals;

/// <summary>
/// <c>/api/me</c>: a worker's rejected answers and appeals (worker keys only, and only their own);
/// <c>/api/appeals</c>: analysts list and answer appeals (SPEC F5, F6).
/// </summary>
internal static class AppealsApi
{
    public static IEndpointRouteBuilder MapAppeals(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/me").WithTags("Appeals").RequireAuthorization(p => p.RequireRole(Roles.Worker));
        me.MapGet("/rejections", Rejections).WithName("MyRejections")
            .WithDescription("The calling worker's rejected answers with the reasons, newest first; project filters to one project.");
        me.MapGet("/appeals", MyAppeals).WithName("MyAppeals").WithDescription("The calling worker's appeals with their outcome and explanation, newest first.");
        me.MapPost("/appeals", File).WithName("FileAppeal").WithDescription("Appeals one of the calling worker's rejected answers.");

        var analysts = app.MapGroup("/api/appeals").WithTags("Appeals").RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Analyst));
        analysts.MapGet("/", List).WithName("ListAppeals").WithDescription("Appeals, oldest first. status: open (default), upheld, overturned or all.");
        analysts.MapPost("/{appeal}/answer", Answer).WithName("AnswerAppeal")
            .WithDescription("Answers an open appeal: upheld or overturned, with an explanation the worker sees; the outcome is appended to the decision log.");
        return app;
    }

    private static async Task<Results<Ok<Page<RejectionDto>>, ValidationProblem>> Rejections(
        string? project, int? page, int? pageSize, HttpContext context, Database database, CancellationToken cancellationToken)
    {
        var (number, size, problem) = Paging.Check(page, pageSize);
        if (problem is not null)
        {
            return problem;
        }

        var args = new { w = Roles.WorkerOf(context), project = project ?? "", actor = AnswersApi.Actor, size, skip = (number - 1) * size };
        const string Filter = "a.worker_id = @w and a.decision = 'reject' and (@project = '' or a.project_id = @project)";
        await using var connection = await database.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>($"select count(*) from answers a where {Filter}", args);
        var rows = await connection.QueryAsync<RejectionRow>(
            $"""
            select a.id as Answer, a.project_id as Project, a.task_id as Task, a.label as Label, a.received_at as ReceivedAt,
                   d.reasons as Reasons, d.model_version as ModelVersion,
                   (select max(c.status) from review_cases c where c.answer_id = a.id and c.kind = 'answer') as Review,
                   p.id as Appeal, p.status as AppealStatus
            from answers a
            join decision_log d on d.answer_id = a.id and d.actor = @actor
            left join appeals p on p.answer_id = a.id
            where {Filter}
            order by a.id desc limit @size offset @skip
            """,
            args);
        return TypedResults.Ok(new Page<RejectionDto>(
            [.. rows.Select(r => new RejectionDto(
                r.Answer, r.Project, r.Task, r.Label, r.ReceivedAt, JsonSerializer.Deserialize<string[]>(r.Reasons) ?? [], r.ModelVersion,
                r.Review, r.Appeal, r.AppealStatus))],
            number, size, total));
    }

    private static async Task<Results<Ok<Page<AppealDto>>, ValidationProblem>> MyAppeals(
        int? page, int? pageSize, HttpContext context, Database database, CancellationToken cancellationToken)
    {
        var (number, size, problem) = Paging.Check(page, pageSize);
        return problem is not null
            ? problem
            : TypedResults.Ok(await PageAsync(database, "worker_id = @w", "id desc", new { w = Roles.WorkerOf(context), size, skip = (number - 1) * size }, number, size, cancellationToken));
    }

    private static async Task<Results<Created<AppealDto>, ValidationProblem, ProblemHttpResult>> File(
        AppealRequest request, HttpContext context, AppealDesk desk)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Answer is null or < 1)
        {
            errors["answer"] = ["The answer id is required: a positive number from GET /api/me/rejections."];
        }

        if (AppealDesk.TextProblem(request.Message, "message") is { } message)
        {
            errors["message"] = [message];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        try
        {
            var (row, conflict) = await desk.FileAsync(Roles.WorkerOf(context)!, request.Answer!.Value, request.Message!.Trim());
            return row is not null ? TypedResults.Created($"/api/me/appeals/{row.Id}", AppealDto.From(row))
                : conflict is not null ? Problems.Conflict(conflict)
                : Problems.NotFound($"You have no answer {request.Answer}.");
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            return Problems.Unavailable($"The appeal was not stored; send it again. {ex.Message}");
        }
    }

    private static async Task<Results<Ok<Page<AppealDto>>, ValidationProblem>> List(
        string? status, string? project, int? page, int? pageSize, Database database, CancellationToken cancellationToken)
    {
        status ??= Appeal.Open;
        if (status is not (Appeal.Open or Appeal.Upheld or Appeal.Overturned or "all"))
        {
            return Problems.Invalid("status", $"The status must be open, upheld, overturned or all (was '{status}').");
        }

        var (number, size, problem) = Paging.Check(page, pageSize);
        return problem is not null
            ? problem
            : TypedResults.Ok(await PageAsync(
                database, "(@status = 'all' or status = @status) and (@project = '' or project_id = @project)", "id",
                new { status, project = project ?? "", size, skip = (number - 1) * size }, number, size, cancellationToken));
    }

    private static async Task<Results<Ok<AppealDto>, ValidationProblem, ProblemHttpResult>> Answer(
        long appeal, AppealAnswerRequest request, HttpContext context, AppealDesk desk, KeyRing keys)
    {
        var errors = new Dictionary<string, string[]>();
        if (AppealDesk.OutcomeProblem(request.Outcome) is { } outcome)
        {
            errors["outcome"] = [outcome];
        }

        if (AppealDesk.TextProblem(request.Explanation, "explanation") is { } explanation)
        {
            errors["explanation"] = [explanation];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        try
        {
            var (row, conflict) = await desk.AnswerAsync(appeal, request.Outcome == Appeal.Overturned, request.Explanation!.Trim(), Analysts.NameOf(context, keys));
            return row is not null ? TypedResults.Ok(AppealDto.From(row))
                : conflict is not null ? Problems.Conflict(conflict)
                : Problems.NotFound($"Appeal {appeal} does not exist.");
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            return Problems.Unavailable($"The answer was not stored; send it again. {ex.Message}");
        }
    }

    private static async Task<Page<AppealDto>> PageAsync(
        Database database, string filter, string order, object args, int number, int size, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>($"select count(*) from appeals where {filter}", args);
        var rows = await connection.QueryAsync<AppealRow>($"select {Appeal.Columns} from appeals where {filter} order by {order} limit @size offset @skip", args);
        return new Page<AppealDto>([.. rows.Select(AppealDto.From)], number, size, total);
    }

    /// <summary>A rejected answer as the query returns it.</summary>
    private sealed class RejectionRow
    {
        public long Answer { get; set; }
        public string Project { get; set; } = "";
        public string Task { get; set; } = "";
        public string Label { get; set; } = "";
        public string ReceivedAt { get; set; } = "";
        public string Reasons { get; set; } = "[]";
        public int ModelVersion { get; set; }
        public string? Review { get; set; }
        public long? Appeal { get; set; }
        public string? AppealStatus { get; set; }
    }
}
