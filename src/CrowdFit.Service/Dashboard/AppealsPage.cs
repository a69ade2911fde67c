using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using CrowdFit.Service.Answers;
using CrowdFit.Service.Appeals;
using CrowdFit.Service.Keys;
using CrowdFit.Service.Review;
using CrowdFit.Service.Storage;
using Dapper;
using Microsoft.AspNetCore.Antiforgery;

namespace CrowdFit.Service.Dashboard;

/// <summary><c>/dashboard/appeals</c>: the open appeals of all projects, each with a form to uphold or overturn it (SPEC F5).</summary>
internal static class AppealsPage
{
    public static Task<IResult> RenderAsync(HttpContext context, IAntiforgery antiforgery, Database database, CancellationToken cancellationToken) =>
        RenderAsync(null, StatusCodes.Status200OK, context, antiforgery, database, cancellationToken);

    /// <summary>Answers an appeal through the appeal desk, as the API does, then returns to the list.</summary>
    public static async Task<IResult> AnswerAsync(long appeal, HttpContext context, IAntiforgery antiforgery, AppealDesk desk, Database database, KeyRing keys)
    {
        if (await DashboardApi.CheckFormAsync(context, antiforgery) is { } bad)
        {
            return bad;
        }

        var ct = context.RequestAborted;
        var form = await context.Request.ReadFormAsync(ct);
        var outcome = form["outcome"].ToString();
        var explanation = form["explanation"].ToString();
        if ((AppealDesk.OutcomeProblem(outcome) ?? AppealDesk.TextProblem(explanation, "explanation")) is { } problem)
        {
            return await RenderAsync($"Appeal {appeal}: {problem}", StatusCodes.Status400BadRequest, context, antiforgery, database, ct);
        }

        try
        {
            var (row, conflict) = await desk.AnswerAsync(appeal, outcome == Appeal.Overturned, explanation.Trim(), DashboardSession.AnalystOf(context, keys)!);
            if (row is null)
            {
                return await RenderAsync(conflict ?? $"Appeal {appeal} does not exist.", StatusCodes.Status400BadRequest, context, antiforgery, database, ct);
            }
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            return await RenderAsync($"The answer was not stored; send it again. {ex.Message}", StatusCodes.Status503ServiceUnavailable, context, antiforgery, database, ct);
        }

        return TypedResults.Redirect("/dashboard/appeals");
    }

    private static async Task<IResult> RenderAsync(
        string? error, int status, HttpContext context, IAntiforgery antiforgery, Database database, CancellationToken cancellationToken)
    {
        var html = new Html();
        if (error is not null)
        {
            html.Element("p", error, "error");
        }

        var tokens = antiforgery.GetAndStoreTokens(context);
        long total;
        List<OpenAppeal> open;
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            total = await connection.ExecuteScalarAsync<long>("select count(*) from appeals where status = @open", new { open = Appeal.Open });
            open = [.. await connection.QueryAsync<OpenAppeal>(
                """
                select p.id as Id, p.project_id as Project, p.answer_id as Answer, p.worker_id as Worker, p.task_id as Task, p.message as Message,
                       p.filed_at as FiledAt, a.label as Label,
                       (select d.reasons from decision_log d where d.answer_id = p.answer_id and d.actor = @actor order by d.position desc limit 1) as Reasons
                from appeals p
                left join answers a on a.id = p.answer_id
                where p.status = @open
                order by p.id limit @size
                """,
                new { open = Appeal.Open, actor = AnswersApi.Actor, size = Paging.MaxSize })];
        }
        catch (DbException ex)
        {
            return html.Element("p", $"The appeals could not be read. {ex.Message}", "error").Page("Appeals", tokens, status: StatusCodes.Status503ServiceUnavailable);
        }

        html.Element("p", total == open.Count ? $"{total} open appeals, oldest first." : $"The oldest {open.Count} of {total} open appeals.");
        foreach (var a in open)
        {
            Section(html, tokens, a);
        }

        return html.Page("Appeals", tokens, status: status);
    }

    private static void Section(Html html, AntiforgeryTokenSet tokens, OpenAppeal a)
    {
        var number = a.Id.ToString(CultureInfo.InvariantCulture);
        html.Raw($"<section class=\"appeal\" id=\"appeal-{number}\"><h2>Appeal #{number}</h2><dl>")
            .Element("dt", "Project").Element("dd", a.Project).Element("dt", "Worker").Element("dd", a.Worker)
            .Element("dt", "Task").Element("dd", a.Task)
            .Element("dt", "Answer").Element("dd", string.Create(CultureInfo.InvariantCulture, $"#{a.Answer}: {a.Label ?? "(missing)"}"))
            .Element("dt", "Filed").Element("dd", a.FiledAt).Raw("</dl><h3>Rejection reasons</h3><ol class=\"reasons\">");
        foreach (var reason in (a.Reasons is null ? null : JsonSerializer.Deserialize<string[]>(a.Reasons)) ?? [])
        {
            html.Element("li", reason);
        }

        var field = $"explanation-{number}";
        html.Raw("</ol><h3>The worker's message</h3>").Element("blockquote", a.Message, "message")
            .Raw($"<form class=\"answer\" method=\"post\" action=\"/dashboard/appeals/{number}/answer\">").Antiforgery(tokens)
            .Raw($"<p><label><input type=\"radio\" name=\"outcome\" value=\"{Appeal.Upheld}\" required> Upheld (the rejection stands)</label> ")
            .Raw($"<label><input type=\"radio\" name=\"outcome\" value=\"{Appeal.Overturned}\" required> Overturned (the rejection was wrong)</label></p>")
            .Raw($"<label for=\"{field}\">Explanation for the worker</label><textarea id=\"{field}\" name=\"explanation\" maxlength=\"{ReviewCases.MaxText}\" required></textarea>")
            .Raw("<button type=\"submit\">Answer the appeal</button></form></section>");
    }

    /// <summary>An open appeal with the appealed answer's label and the engine's reasons, as the query returns it.</summary>
    private sealed class OpenAppeal
    {
        public long Id { get; set; }
        public string Project { get; set; } = "";
        public long Answer { get; set; }
        public string Worker { get; set; } = "";
        public string Task { get; set; } = "";
        public string Message { get; set; } = "";
        public string FiledAt { get; set; } = "";
        public string? Label { get; set; }
        public string? Reasons { get; set; }
    }
}
