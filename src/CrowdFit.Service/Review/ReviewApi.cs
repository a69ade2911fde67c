using System.Data.Common;
using System.Globalization;
using System.Text;
using CrowdFit.Service.Errors;
using CrowdFit.Service.Keys;
using CrowdFit.Service.Projects;
using CrowdFit.Service.Storage;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrowdFit.Service.Review;

/// <summary><c>/api/projects/{id}/review</c>: the review queue, analysts' decisions and the training labels they make (SPEC F5, D4).</summary>
internal static class ReviewApi
{
    public static RouteGroupBuilder MapReview(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/projects/{id}/review").WithTags("Review").RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Analyst));
        group.MapGet("/", List).WithName("ListReviewCases")
            .WithDescription("Review cases of the project, oldest first. status: open (default), confirmed, cleared or all; kind: answer or worker.");
        group.MapPost("/{case}/confirm", (string id, long @case, DecisionRequest request, HttpContext context, ProjectCatalog catalog, ReviewBook book, KeyRing keys) =>
            Decide(id, @case, true, request, context, catalog, book, keys)).WithName("ConfirmReviewCase")
            .WithDescription("Confirms the flag (fraud) with a note; the decision is appended to the decision log. Confirming a worker case suspends the worker (entry suspend).");
        group.MapPost("/{case}/clear", (string id, long @case, DecisionRequest request, HttpContext context, ProjectCatalog catalog, ReviewBook book, KeyRing keys) =>
            Decide(id, @case, false, request, context, catalog, book, keys)).WithName("ClearReviewCase")
            .WithDescription("Clears the flag (not fraud) with a note; the decision is appended to the decision log. Clearing a worker case of a suspended worker lifts the suspension (entry lift).");
        group.MapGet("/confirmations.csv", Confirmations).WithName("ExportConfirmations").Produces<string>(contentType: "text/csv")
            .WithDescription("Decided cases as task,worker,decision (fraud|ok), the file the supervised fraud model trains on; a worker case has an empty task.");
        return group;
    }

    internal static async Task<Results<Ok<Page<ReviewCaseDto>>, ValidationProblem, ProblemHttpResult>> List(
        string id, string? status, string? kind, int? page, int? pageSize, ProjectCatalog catalog, ReviewBook book, Database database, CancellationToken cancellationToken)
    {
        if (!catalog.TryGet(id, out var host))
        {
            return Problems.NotFound($"Project '{id}' does not exist.");
        }

        status ??= ReviewCases.Open;
        var errors = new Dictionary<string, string[]>();
        if (status is not (ReviewCases.Open or ReviewCases.Confirmed or ReviewCases.Cleared or "all"))
        {
            errors["status"] = [$"The status must be open, confirmed, cleared or all (was '{status}')."];
        }

        if (kind is not (null or ReviewCases.Answer or ReviewCases.Worker))
        {
            errors["kind"] = [$"The kind must be answer or worker (was '{kind}')."];
        }

        var (number, size, problem) = Paging.Check(page, pageSize);
        if (problem is not null || errors.Count > 0)
        {
            return problem ?? Problems.Invalid(errors);
        }

        try
        {
            await book.SyncAsync(host, cancellationToken);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            return Problems.Unavailable($"New review cases could not be stored: {ex.Message}");
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var filter = "project_id = @p and (@status = 'all' or status = @status) and (@kind = '' or kind = @kind)";
        var args = new { p = id, status, kind = kind ?? "", size, skip = (number - 1) * size };
        var total = await connection.ExecuteScalarAsync<long>($"select count(*) from review_cases where {filter}", args);
        var rows = await connection.QueryAsync<ReviewCaseRow>(
            $"select {ReviewCases.Columns} from review_cases where {filter} order by id limit @size offset @skip", args);
        return TypedResults.Ok(new Page<ReviewCaseDto>([.. rows.Select(ReviewCaseDto.From)], number, size, total));
    }

    private static async Task<Results<Ok<ReviewCaseDto>, ValidationProblem, ProblemHttpResult>> Decide(
        string id, long caseId, bool fraud, DecisionRequest request, HttpContext context, ProjectCatalog catalog, ReviewBook book, KeyRing keys)
    {
        if (!catalog.TryGet(id, out var host))
        {
            return Problems.NotFound($"Project '{id}' does not exist.");
        }

        if (ReviewCases.TextProblem(request.Note, "note") is { } problem)
        {
            return Problems.Invalid("note", problem);
        }

        try
        {
            var (row, conflict) = await book.DecideAsync(host, caseId, fraud, Analysts.NameOf(context, keys), request.Note!.Trim());
            return row is null ? Problems.NotFound($"Review case {caseId} does not exist in project '{id}'.")
                : conflict ? Problems.Conflict($"Review case {caseId} is already {row.Status}; a case is decided once.")
                : TypedResults.Ok(ReviewCaseDto.From(row));
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            return Problems.Unavailable($"The decision was not stored; send it again. {ex.Message}");
        }
    }

    /// <summary>Decided cases in the order they were decided, as <c>task,worker,decision</c>.</summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Confirmations(string id, ProjectCatalog catalog, Database database, CancellationToken cancellationToken)
    {
        if (!catalog.TryGet(id, out _))
        {
            return Problems.NotFound($"Project '{id}' does not exist.");
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string? Task, string Worker, string Status)>(
            "select task_id, worker_id, status from review_cases where project_id = @p and status <> 'open' order by decided_at, id", new { p = id });
        var csv = new StringBuilder("task,worker,decision\n");
        foreach (var (task, worker, status) in rows)
        {
            csv.Append(Csv(task ?? "")).Append(',').Append(Csv(worker)).Append(',')
                .Append(status == ReviewCases.Confirmed ? "fraud" : "ok").Append('\n');
        }

        return TypedResults.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv", string.Create(CultureInfo.InvariantCulture, $"{id}-confirmations.csv"));
    }

    /// <summary>RFC 4180 quoting where needed.</summary>
    private static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
