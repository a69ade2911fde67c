using System.Globalization;
using CrowdFit.Reports;
using CrowdFit.Service.Projects;
using CrowdFit.Service.Review;
using CrowdFit.Service.Storage;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrowdFit.Service.Dashboard;

/// <summary><c>/dashboard/projects/{id}</c>: the health report, worker scorecards and flags of the JSON reports, as one page.</summary>
internal static class ProjectPage
{
    public static async Task<IResult> RenderAsync(
        string id, HttpContext context, IAntiforgery antiforgery, ProjectCatalog catalog, ReviewBook book, Database database, TimeProvider clock, CancellationToken cancellationToken)
    {
        if ((await ReportsApi.Health(id, catalog, database, clock, cancellationToken)).Result is not Ok<HealthDto> { Value: { } health })
        {
            return NotFound(id);
        }

        // Flags opens the review cases of new flags first, so the scorecards count them.
        var flags = (await ReportsApi.Flags(id, catalog, book, database, cancellationToken)).Result as Ok<FlagsDto>;
        var workers = (await ReportsApi.Workers(id, 1, Paging.MaxSize, catalog, database, cancellationToken)).Result as Ok<Page<WorkerScoreDto>>;
        var html = new Html();
        html.Raw("<p><a href=\"/dashboard/projects/").Text(Uri.EscapeDataString(id)).Raw("/pay\">Pay and fairness</a></p>");
        Health(html, health);
        if (workers?.Value is { } page)
        {
            Scorecards(html, page);
        }

        if (flags?.Value is { } flagged)
        {
            Flags(html, flagged, id);
        }

        RingsPage.Links(html, id);
        return html.Page($"Project {id}", antiforgery.GetAndStoreTokens(context), id);
    }

    public static IResult NotFound(string id) =>
        new Html().Element("p", $"Project '{id}' does not exist.", "error").Raw("<p><a href=\"/dashboard/\">All projects</a></p>")
            .Page("Not found", null, status: StatusCodes.Status404NotFound);

    private static void Health(Html html, HealthDto health)
    {
        html.Raw("<section id=\"health\"><h2>Health</h2><dl>");
        Term(html, "Model version", health.ModelVersion.ToString(CultureInfo.InvariantCulture));
        Term(html, "Answers", $"{health.Answers} ({Join(health.AnswersByDecision)})");
        Term(html, "Tasks", $"{health.Tasks} ({Join(health.TasksByStatus)})");
        Term(html, "Labels per task", health.LabelsPerTask.ToString("0.00", CultureInfo.InvariantCulture));
        Term(html, "Counted labels per task", health.CountedLabelsPerTask.ToString("0.00", CultureInfo.InvariantCulture));
        var aql = health.Aql;
        Term(html, "AQL", string.Create(CultureInfo.InvariantCulture,
            $"target {aql.Target:P1}; delivered {aql.Delivered} ({aql.DeliveredShare:P0}); expected error {aql.ExpectedError:P2} — {(aql.MeetsAql ? "meets the AQL" : "above the AQL")}; {aql.TasksToExtend} tasks to extend, projected error {aql.ProjectedError:P2}"));
        Term(html, "Last hour", string.Create(CultureInfo.InvariantCulture, $"{health.Throughput.LastHour} answers, {health.Throughput.PerMinute:0.00} per minute"));
        html.Raw("</dl>");
        var from = DateTimeOffset.Parse(health.Throughput.From, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var minutes = health.Throughput.Minutes;
        html.Raw(SvgCharts.Line(
            "Answers per minute, last hour",
            [.. minutes.Select((_, i) => from.AddMinutes(i).ToString("HH:mm", CultureInfo.InvariantCulture))],
            [.. minutes.Select(m => (double?)m)],
            [.. minutes.Select(_ => false)],
            "minute (UTC)",
            "answers",
            "marked"));
        html.Raw("</section>");
    }

    private static void Scorecards(Html html, Page<WorkerScoreDto> page)
    {
        html.Raw("<section id=\"workers\"><h2>Worker scorecards</h2>");
        if (page.Total > page.Items.Count)
        {
            html.Element("p", $"The first {page.Items.Count} of {page.Total} workers, by id.", "muted");
        }

        html.Raw("<table class=\"workers\"><thead><tr><th>Worker</th><th class=\"n\">Answers</th><th class=\"n\">Rejected</th><th class=\"n\">Accuracy</th>")
            .Raw("<th class=\"n\">Accuracy (95 % low)</th><th class=\"n\">Fraud probability</th><th>Flagged</th><th class=\"n\">Open cases</th><th>Suspended</th></tr></thead><tbody>");
        foreach (var w in page.Items)
        {
            html.Raw("<tr>").Element("td", w.Worker).Number(w.Answers, "0").Number(w.Rejections, "0").Number(w.Accuracy, "0.000")
                .Number(w.AccuracyLow, "0.000").Number(w.FraudProbability, "0.000")
                .Element("td", w.Flagged ? $"yes: {w.FlagReason}" : "no", w.Flagged ? "flag" : null).Number(w.OpenCases, "0")
                .Element("td", w.Suspended ? "yes" : "no", w.Suspended ? "flag" : null).Raw("</tr>");
        }

        html.Raw("</tbody></table></section>");
    }

    private static void Flags(Html html, FlagsDto flags, string project)
    {
        html.Raw("<section id=\"flags\"><h2>Flagged workers</h2>")
            .Element("p", $"Review queue: {flags.OpenCases} open, {flags.Confirmed} confirmed, {flags.Cleared} cleared.")
            .Raw("<p><a href=\"/dashboard/projects/").Text(Uri.EscapeDataString(project)).Raw("/review\">Open the review queue</a></p>");
        if (flags.Workers.Count == 0)
        {
            html.Element("p", "No worker is flagged now.", "muted").Raw("</section>");
            return;
        }

        html.Raw("<table class=\"flagged\"><thead><tr><th>Worker</th><th class=\"n\">Fraud probability</th><th>Reason</th><th>Case</th></tr></thead><tbody>");
        foreach (var f in flags.Workers)
        {
            html.Raw("<tr>").Element("td", f.Worker).Number(f.FraudProbability, "0.000").Element("td", f.Reason)
                .Element("td", f.Case is { } c ? string.Create(CultureInfo.InvariantCulture, $"#{c} ({f.CaseStatus})") : "none").Raw("</tr>");
        }

        html.Raw("</tbody></table></section>");
    }

    private static void Term(Html html, string term, string value) => html.Element("dt", term).Element("dd", value);

    private static string Join<T>(IReadOnlyDictionary<string, T> counts) =>
        string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value}")));
}
