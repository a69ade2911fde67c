using System.Globalization;
using CrowdFit.Reports;
using CrowdFit.Service.Findings;
using CrowdFit.Service.Projects;
using CrowdFit.Service.Storage;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrowdFit.Service.Dashboard;

/// <summary><c>/dashboard/projects/{id}/drift</c>: agreement and labels by window of receive time, alerts marked on the chart (SPEC G3, F3).</summary>
internal static class DriftPage
{
    public static async Task<IResult> RenderAsync(
        string id, string? window, int? minAnswers, HttpContext context, IAntiforgery antiforgery, ProjectCatalog catalog, Database database, CancellationToken cancellationToken)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        switch ((await DriftApi.Report(id, window, minAnswers, catalog, database, cancellationToken)).Result)
        {
            case ValidationProblem bad:
                var html = new Html();
                foreach (var message in bad.ProblemDetails.Errors.SelectMany(e => e.Value))
                {
                    html.Element("p", message, "error");
                }

                return html.Page($"Drift in {id}", tokens, id, StatusCodes.Status400BadRequest);
            case Ok<DriftDto> { Value: { } drift }:
                return Render(drift).Page($"Drift in {id}", tokens, id);
            default:
                return ProjectPage.NotFound(id);
        }
    }

    private static Html Render(DriftDto drift)
    {
        var html = new Html().Raw("<section id=\"drift\"><h2>Drift</h2>").Element("p", string.Create(
            CultureInfo.InvariantCulture,
            $"{drift.Answers} answers in {drift.Windows.Count} {drift.Window} windows of at least {drift.MinAnswers} answers; {drift.Alerts.Count} alert{(drift.Alerts.Count == 1 ? "" : "s")}. Agreement is with the current labels of model version {drift.ModelVersion}."));
        if (drift.Note is { } note)
        {
            html.Element("p", note, "muted");
        }

        if (drift.Windows.Count == 0)
        {
            return html.Raw("</section>");
        }

        html.Raw(SvgCharts.Line(
            "Agreement with the current labels by window",
            [.. drift.Windows.Select(w => w.Name)],
            [.. drift.Windows.Select(w => (double?)w.Agreement)],
            [.. drift.Windows.Select(w => w.Alert)],
            $"{drift.Window} window (UTC)",
            "agreement",
            "alert",
            v => v.ToString("P0", CultureInfo.InvariantCulture)));
        if (drift.Alerts.Count > 0)
        {
            html.Raw("<h3>Alerts</h3><ul class=\"alerts\">");
            foreach (var alert in drift.Alerts)
            {
                html.Element("li", alert.Text, "flag");
            }

            html.Raw("</ul>");
        }

        var labels = drift.Windows[0].LabelCounts.Keys.Order(StringComparer.Ordinal).ToArray();
        html.Raw("<table class=\"drift\"><thead><tr><th>Window</th><th class=\"n\">Answers</th><th class=\"n\">Agreement</th>");
        foreach (var label in labels)
        {
            html.Raw("<th class=\"n\">").Text(label).Raw("</th>");
        }

        html.Raw("<th class=\"n\">Krippendorff's α</th><th>Alert</th></tr></thead><tbody>");
        foreach (var w in drift.Windows)
        {
            html.Raw("<tr>").Element("td", w.Name).Number(w.Answers, "0").Number(w.Agreement, "0.000");
            foreach (var label in labels)
            {
                html.Number(w.Answers == 0 ? 0 : (double)w.LabelCounts[label] / w.Answers, "0.000");
            }

            html.Element("td", w.KrippendorffAlpha is { } alpha ? alpha.ToString("0.000", CultureInfo.InvariantCulture) : "–", "n")
                .Element("td", w.Alert ? "yes" : "", w.Alert ? "flag" : null).Raw("</tr>");
        }

        return html.Raw("</tbody></table></section>");
    }
}
