using System.Globalization;
using CrowdFit.Reports;
using CrowdFit.Service.Projects;
using CrowdFit.Service.Storage;
using CrowdFit.Service.Workforce;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrowdFit.Service.Dashboard;

/// <summary><c>/dashboard/projects/{id}/pay</c>: effective hourly pay and the cohort audit by country of the JSON reports, as one page (SPEC F3, G1, G2).</summary>
internal static class PayPage
{
    /// <summary>Most worker rows shown; the JSON report has them all.</summary>
    private const int MaxWorkers = 200;

    public static async Task<IResult> RenderAsync(
        string id, HttpContext context, IAntiforgery antiforgery, ProjectCatalog catalog, Database database, CancellationToken cancellationToken)
    {
        if ((await WorkforceApi.Pay(id, catalog, database, cancellationToken)).Result is not Ok<PayReportDto> { Value: { } pay }
            || (await WorkforceApi.Fairness(id, catalog, database, cancellationToken)).Result is not Ok<FairnessReportDto> { Value: { } fairness })
        {
            return ProjectPage.NotFound(id);
        }

        var html = new Html();
        Pay(html, pay);
        html.Raw("<section id=\"fairness\"><h2>Fairness by country</h2>")
            .Element("p", $"{fairness.Workers} workers answered; {fairness.WorkersWithCountry} of them have a country in their profile. Each audit compares a country's share of marked workers with the share the difficulty of their tasks explains.", "muted");
        Audit(html, fairness.Flagged, "Flagged workers", "flagged now by the engine");
        Audit(html, fairness.Rejected, "Workers with rejected answers", "with at least one answer rejected");
        Cohorts(html, fairness, pay.Currency);
        html.Raw("</section>");
        return html.Page($"Pay and fairness, project {id}", antiforgery.GetAndStoreTokens(context), id);
    }

    private static void Pay(Html html, PayReportDto pay)
    {
        var unit = pay.Currency.Length > 0 ? $"{pay.Currency}/h" : "per hour";
        html.Raw("<section id=\"pay\"><h2>Effective hourly pay</h2>");
        if (pay.SkippedBecause is { } why)
        {
            html.Element("p", $"Not measured: {why}.", "muted").Element("p", pay.Timing).Raw("</section>");
            return;
        }

        html.Raw("<dl>");
        Term(html, "Reward", string.Create(CultureInfo.InvariantCulture, $"{pay.Reward:0.00##} {pay.Currency} per answer"));
        Term(html, "Floor", string.Create(CultureInfo.InvariantCulture, $"{pay.Floor:0.00} {unit}"));
        Term(html, "Paid", string.Create(CultureInfo.InvariantCulture, $"{pay.Paid:0.00} {pay.Currency} for {pay.Answers} answers"));
        Term(html, "Hours measured", string.Create(CultureInfo.InvariantCulture, $"{pay.Hours:0.00} h from {pay.TimedAnswers} timed answers"));
        Term(html, "Hourly pay", pay.HourlyPay is { } rate ? string.Create(CultureInfo.InvariantCulture, $"{rate:0.00} {unit}") : "unknown");
        Term(html, "Workers under the floor", $"{pay.WorkersBelowFloor} of {pay.WorkersWithRate} with a known rate");
        html.Raw("</dl>").Element("p", pay.Timing, pay.UnknownTimeAnswers > 0 ? "muted" : null);
        foreach (var flag in pay.Flags)
        {
            html.Element("p", flag, "flag");
        }

        html.Raw(SvgCharts.Bars(
            "Median effective hourly pay by task type",
            [.. pay.TaskTypes.Select(t => t.Name)],
            [new ChartSeries("median hourly pay", [.. pay.TaskTypes.Select(t => t.MedianHourlyPay ?? double.NaN)])],
            $"hourly pay ({unit})",
            pay.Floor,
            string.Create(CultureInfo.InvariantCulture, $"floor {pay.Floor:0.00}")));
        html.Raw("<h3>By task type</h3><table class=\"pay-types\"><thead><tr><th>Task type</th><th class=\"n\">Workers</th><th class=\"n\">Answers</th><th class=\"n\">Hours</th>")
            .Raw("<th class=\"n\">Hourly pay</th><th class=\"n\">Median</th><th class=\"n\">10th percentile</th><th class=\"n\">Hours under the floor</th></tr></thead><tbody>");
        foreach (var t in pay.TaskTypes)
        {
            html.Raw(t.MedianBelowFloor ? "<tr class=\"flag\">" : "<tr>").Element("td", t.Name).Number(t.Workers, "0").Number(t.Answers, "0").Number(t.Hours, "0.00")
                .Maybe(t.HourlyPay, "0.00").Maybe(t.MedianHourlyPay, "0.00").Maybe(t.P10HourlyPay, "0.00")
                .Maybe(t.ShareOfHoursBelowFloor, "0 %").Raw("</tr>");
        }

        html.Raw("</tbody></table><h3>By worker, lowest pay first</h3>");
        if (pay.Workers.Count > MaxWorkers)
        {
            html.Element("p", $"The {MaxWorkers} lowest paid of {pay.Workers.Count} workers.", "muted");
        }

        html.Raw("<table class=\"pay-workers\"><thead><tr><th>Worker</th><th class=\"n\">Answers</th><th class=\"n\">Untimed</th><th class=\"n\">Hours</th>")
            .Raw("<th class=\"n\">Hourly pay</th><th>Under the floor</th><th class=\"n\">Shortfall</th></tr></thead><tbody>");
        foreach (var w in pay.Workers.Take(MaxWorkers))
        {
            html.Raw("<tr>").Element("td", w.Worker).Number(w.Answers, "0").Number(w.UnknownTimeAnswers, "0").Number(w.Hours, "0.000")
                .Maybe(w.HourlyPay, "0.00").Element("td", w.HourlyPay is null ? "unknown" : w.BelowFloor ? "yes" : "no", w.BelowFloor ? "flag" : null)
                .Number(w.Shortfall, "0.00").Raw("</tr>");
        }

        html.Raw("</tbody></table></section>");
    }

    private static void Audit(Html html, CohortAuditDto audit, string heading, string meaning)
    {
        html.Element("h3", heading);
        if (audit.SkippedBecause is { } why)
        {
            html.Element("p", $"Not audited: {why}.", "muted");
            return;
        }

        html.Element("p", $"{audit.Marked} of {audit.Workers} workers {meaning}; {audit.TestedCohorts} countries large enough to test.");
        if (audit.Note is { } note)
        {
            html.Element("p", note, "muted");
        }

        foreach (var finding in audit.Findings)
        {
            html.Element("p", finding, "flag");
        }

        if (audit.Cohorts.All(c => c.Marked == 0 && c.Expected == 0))
        {
            html.Element("p", "No worker is marked in any country, so there is nothing to chart.", "muted");
        }
        else
        {
            html.Raw(SvgCharts.Bars(
                $"{heading}: share by country against the expected share",
                [.. audit.Cohorts.Select(c => c.Name)],
                [new ChartSeries("observed", [.. audit.Cohorts.Select(c => c.Share)]), new ChartSeries("expected from task difficulty", [.. audit.Cohorts.Select(c => c.ExpectedShare)])],
                "share of the country's workers"));
        }

        html.Raw($"<table class=\"cohorts {audit.Measure}\"><thead><tr><th>Country</th><th class=\"n\">Workers</th><th class=\"n\">Marked</th><th class=\"n\">Share</th>")
            .Raw("<th class=\"n\">Expected</th><th class=\"n\">Ratio</th><th class=\"n\">Adjusted p</th><th>Finding</th></tr></thead><tbody>");
        foreach (var c in audit.Cohorts)
        {
            html.Raw("<tr>").Element("td", c.Name).Number(c.Workers, "0").Number(c.Marked, "0").Number(c.Share, "0 %").Number(c.Expected, "0.0")
                .Element("td", c.Ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "∞", "n")
                .Element("td", c.AdjustedPValue is { } p ? p.ToString("0.####", CultureInfo.InvariantCulture) : "not tested", "n")
                .Element("td", c.Finding ?? "", c.Finding is null ? null : "flag").Raw("</tr>");
        }

        html.Raw("</tbody></table>");
    }

    private static void Cohorts(Html html, FairnessReportDto fairness, string currency)
    {
        html.Element("h3", "Rejections and pay by country");
        if (fairness.PayNotMeasuredBecause is { } why)
        {
            html.Element("p", $"Pay by country not measured: {why}.", "muted");
        }

        html.Raw("<table class=\"cohort-pay\"><thead><tr><th>Country</th><th class=\"n\">Workers</th><th class=\"n\">Answers</th><th class=\"n\">Rejected</th>")
            .Raw("<th class=\"n\">Median hourly pay ").Text(currency).Raw("</th><th class=\"n\">Under the floor</th></tr></thead><tbody>");
        foreach (var c in fairness.Cohorts)
        {
            html.Raw("<tr>").Element("td", c.Name).Number(c.Workers, "0").Number(c.Answers, "0").Number(c.RejectedShare, "0 %")
                .Maybe(c.MedianHourlyPay, "0.00").Element("td", $"{c.WorkersBelowFloor} of {c.WorkersWithRate}", "n").Raw("</tr>");
        }

        html.Raw("</tbody></table>");
    }

    private static void Term(Html html, string term, string value) => html.Element("dt", term).Element("dd", value);

    /// <summary>A number cell; a dash where the value is unknown.</summary>
    private static Html Maybe(this Html html, double? value, string format) =>
        html.Element("td", value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "–", "n");
}
