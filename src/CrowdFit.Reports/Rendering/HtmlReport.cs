namespace CrowdFit.Reports;

/// <summary>
/// Renders an <see cref="AnalysisReport"/> as one self-contained HTML file: inline CSS, inline SVG charts, no
/// JavaScript, no external URL and no web font; readable on a laptop screen and printable.
/// </summary>
/// <remarks>Every text from the log (worker and task ids, labels, reasons) is escaped.</remarks>
public static partial class HtmlReport
{
    private const string Style = """
        :root { color-scheme: light; --ink: #222; --muted: #555; --line: #d8d8d8; --accent: #0072B2; --warn: #D55E00; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif; color: var(--ink); background: #fff; }
        header, nav, main { max-width: 1120px; margin: 0 auto; padding: 0 24px; }
        header { padding-top: 24px; }
        h1 { font-size: 26px; margin: 0 0 4px; }
        h2 { font-size: 21px; margin: 40px 0 12px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); }
        h3 { font-size: 16px; margin: 20px 0 8px; }
        .subtitle { color: var(--muted); margin: 0 0 16px; }
        nav ol { columns: 3; margin: 8px 0 0; padding-left: 22px; }
        nav a { color: var(--accent); text-decoration: none; }
        nav a:hover { text-decoration: underline; }
        nav h2 { margin-top: 8px; }
        dl.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 10px; margin: 12px 0; }
        dl.facts div { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; }
        dl.facts dt { color: var(--muted); font-size: 13px; }
        dl.facts dd { margin: 0; font-size: 19px; font-weight: 600; font-variant-numeric: tabular-nums; }
        table { border-collapse: collapse; width: 100%; margin: 8px 0 4px; font-size: 14px; }
        th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
        th { background: #f3f5f8; font-weight: 600; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.reasons { font-size: 13px; overflow-wrap: anywhere; white-space: pre-line; }
        td.id { overflow-wrap: anywhere; }
        tbody tr:nth-child(even) { background: #fafafa; }
        .table-wrap { overflow-x: auto; }
        figure { margin: 12px 0; }
        figcaption { color: var(--muted); font-size: 13px; margin-top: 2px; }
        svg.chart { max-width: 100%; height: auto; display: block; }
        .grid { display: flex; flex-wrap: wrap; gap: 12px 20px; align-items: flex-start; }
        .grid figure { margin: 0; }
        .not-measured { border-left: 4px solid var(--warn); background: #fff4ec; padding: 8px 12px; }
        .note { color: var(--muted); font-size: 13px; }
        .flag { color: var(--warn); font-weight: 600; }
        ul.findings li { margin: 4px 0; }
        footer { max-width: 1120px; margin: 40px auto 24px; padding: 0 24px; color: var(--muted); font-size: 13px; }
        @media print {
          body { font-size: 11pt; }
          nav ol { columns: 2; }
          h2 { break-after: avoid; }
          figure, tr, dl.facts div { break-inside: avoid; }
          a { color: inherit; }
        }
        """;

    /// <summary>Writes the report.</summary>
    /// <param name="report">The report.</param>
    /// <param name="writer">Where to write the HTML.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(AnalysisReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        var w = new HtmlWriter(writer);
        w.Raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        w.Raw("<title>").Text(report.Title).Raw("</title>\n<style>\n").Raw(Style).Raw("\n</style>\n</head>\n<body>\n");
        w.Raw("<header>\n<h1>").Text(report.Title).Raw("</h1>\n<p class=\"subtitle\">");
        w.Text($"{Markup.Count(report.Summary.Answers)} answers, {Markup.Count(report.Summary.Tasks)} tasks, {Markup.Count(report.Summary.Workers)} workers; truth by {report.Summary.Method}");
        w.Raw("</p>\n</header>\n<nav aria-label=\"Contents\">\n<h2>Contents</h2>\n<ol>\n");
        foreach (var section in report.Sections)
        {
            w.Raw("<li><a href=\"#").Text(section.Id).Raw("\">").Text(section.Title).Raw("</a>");
            if (!section.Measured)
            {
                w.Raw(" <span class=\"note\">(not measured)</span>");
            }

            w.Raw("</li>\n");
        }

        w.Raw("</ol>\n</nav>\n<main>\n");
        var number = 0;
        foreach (var section in report.Sections)
        {
            number++;
            w.Raw("<section id=\"").Text(section.Id).Raw("\" aria-labelledby=\"").Text(section.Id).Raw("-h\">\n<h2 id=\"").Text(section.Id).Raw("-h\">");
            w.Text($"{number}. {section.Title}").Raw("</h2>\n");
            if (section.NotMeasuredBecause is { } reason)
            {
                w.Raw("<p class=\"not-measured\">Not measured: ").Text(reason).Raw(".</p>\n");
            }
            else
            {
                Body(w, section);
            }

            w.Raw("</section>\n");
        }

        w.Raw("</main>\n<footer>Written by crowdfit analyze. Times are UTC. Probabilities of fraud are upper estimates: a reason to look, not a verdict.</footer>\n</body>\n</html>\n");
    }

    private static void Body(HtmlWriter w, ReportSection section)
    {
        switch (section)
        {
            case SummarySection s: Summary(w, s); break;
            case LabelSection s: Labels(w, s); break;
            case ConfusionSection s: Confusion(w, s); break;
            case SpeedSection s: Speed(w, s); break;
            case FlagSection s: Flags(w, s); break;
            case RingSection s: Rings(w, s); break;
            case ActivitySection s: Activity(w, s); break;
            case PaySection s: Pay(w, s); break;
            case CohortSection s: Cohorts(w, s); break;
            case DriftSection s: Drift(w, s); break;
            case GoldSection s: Gold(w, s); break;
            case OperationsSection s: Operations(w, s); break;
            default: throw new ArgumentException($"Unknown section '{section.Id}'.", nameof(section));
        }
    }
}
