using System.Data.Common;
using System.Globalization;
using CrowdFit.Service.Keys;
using CrowdFit.Service.Projects;
using CrowdFit.Service.Review;
using CrowdFit.Service.Storage;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrowdFit.Service.Dashboard;

/// <summary><c>/dashboard/projects/{id}/review</c>: the open review cases, each with Confirm and Clear forms (SPEC F5).</summary>
internal static class ReviewPage
{
    public static Task<IResult> RenderAsync(
        string id, HttpContext context, IAntiforgery antiforgery, ProjectCatalog catalog, ReviewBook book, Database database, CancellationToken cancellationToken) =>
        RenderAsync(id, null, context, antiforgery, catalog, book, database, cancellationToken);

    /// <summary>Confirms (<c>confirm</c>) or clears (<c>clear</c>) a case through the review book, as the API does, then returns to the queue.</summary>
    public static async Task<IResult> DecideAsync(
        string id, long @case, string decision, HttpContext context, IAntiforgery antiforgery, ProjectCatalog catalog, ReviewBook book, Database database, KeyRing keys)
    {
        if (await DashboardApi.CheckFormAsync(context, antiforgery) is { } bad)
        {
            return bad;
        }

        if (!catalog.TryGet(id, out var host))
        {
            return ProjectPage.NotFound(id);
        }

        var ct = context.RequestAborted;
        if (decision is not ("confirm" or "clear"))
        {
            return await RenderAsync(id, $"Unknown decision '{decision}': use confirm or clear.", context, antiforgery, catalog, book, database, ct);
        }

        var note = (await context.Request.ReadFormAsync(ct))["note"].ToString();
        if (ReviewCases.TextProblem(note, "note") is { } problem)
        {
            return await RenderAsync(id, $"Case {@case}: {problem}", context, antiforgery, catalog, book, database, ct);
        }

        try
        {
            var (row, conflict) = await book.DecideAsync(host, @case, decision == "confirm", DashboardSession.AnalystOf(context, keys)!, note.Trim());
            if (row is null || conflict)
            {
                var error = row is null ? $"Review case {@case} does not exist in project '{id}'." : $"Review case {@case} is already {row.Status}; a case is decided once.";
                return await RenderAsync(id, error, context, antiforgery, catalog, book, database, ct);
            }
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            return await RenderAsync(id, $"The decision was not stored; send it again. {ex.Message}", context, antiforgery, catalog, book, database, ct);
        }

        return TypedResults.Redirect($"/dashboard/projects/{Uri.EscapeDataString(id)}/review");
    }

    private static async Task<IResult> RenderAsync(
        string id, string? error, HttpContext context, IAntiforgery antiforgery, ProjectCatalog catalog, ReviewBook book, Database database, CancellationToken cancellationToken)
    {
        var listed = (await ReviewApi.List(id, ReviewCases.Open, null, 1, Paging.MaxSize, catalog, book, database, cancellationToken)).Result;
        if (listed is ProblemHttpResult { StatusCode: StatusCodes.Status404NotFound })
        {
            return ProjectPage.NotFound(id);
        }

        var html = new Html();
        if (error is not null)
        {
            html.Element("p", error, "error");
        }

        if (listed is not Ok<Page<ReviewCaseDto>> { Value: { } page })
        {
            var detail = (listed as ProblemHttpResult)?.ProblemDetails.Detail ?? "The review queue could not be read.";
            return html.Element("p", detail, "error").Page($"Review queue of {id}", antiforgery.GetAndStoreTokens(context), id, StatusCodes.Status503ServiceUnavailable);
        }

        var tokens = antiforgery.GetAndStoreTokens(context);
        html.Element("p", page.Total == page.Items.Count ? $"{page.Total} open cases, oldest first." : $"The oldest {page.Items.Count} of {page.Total} open cases.");
        foreach (var c in page.Items)
        {
            var number = c.Id.ToString(CultureInfo.InvariantCulture);
            html.Raw($"<section class=\"case\" id=\"case-{number}\"><h2>Case #{number}</h2><dl>");
            html.Element("dt", "Kind").Element("dd", c.Kind).Element("dt", "Worker").Element("dd", c.Worker);
            if (c.Task is not null)
            {
                html.Element("dt", "Task").Element("dd", c.Task);
            }

            html.Element("dt", "Fraud probability").Element("dd", c.FraudProbability.ToString("0.000", CultureInfo.InvariantCulture))
                .Element("dt", "Opened").Element("dd", $"{c.OpenedAt} (model version {c.ModelVersion})").Raw("</dl><h3>Reasons</h3><ol class=\"reasons\">");
            foreach (var reason in c.Reasons)
            {
                html.Element("li", reason);
            }

            html.Raw("</ol>");
            Form(html, tokens, id, number, "confirm", "Confirm (fraud)");
            Form(html, tokens, id, number, "clear", "Clear (not fraud)");
            html.Raw("</section>");
        }

        return html.Page($"Review queue of {id}", tokens, id, error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static void Form(Html html, AntiforgeryTokenSet tokens, string project, string number, string decision, string button)
    {
        var field = $"note-{number}-{decision}";
        html.Raw($"<form class=\"decide {decision}\" method=\"post\" action=\"/dashboard/projects/").Text(Uri.EscapeDataString(project))
            .Raw($"/review/{number}/{decision}\">").Antiforgery(tokens)
            .Raw($"<label for=\"{field}\">Note</label><textarea id=\"{field}\" name=\"note\" maxlength=\"{ReviewCases.MaxText}\" required></textarea>")
            .Raw($"<button type=\"submit\">").Text(button).Raw("</button></form>");
    }
}
