namespace CrowdFit.Reports;

public static partial class HtmlReport
{
    private static string PercentTick(double share) => Markup.Coordinate(share * 100) + " %";

    private static void Summary(HtmlWriter w, SummarySection s)
    {
        w.Facts(
            ("Answers", Markup.Count(s.Answers)),
            ("Tasks", Markup.Count(s.Tasks)),
            ("Workers", Markup.Count(s.Workers)),
            ("Labels", Markup.Count(s.Labels)),
            ("Gold tasks", Markup.Count(s.GoldTasks)),
            ("Flagged workers", $"{Markup.Count(s.FlaggedWorkers)} ({Markup.Percent(s.Workers == 0 ? null : (double)s.FlaggedWorkers / s.Workers)})"),
            ("Flagged answers", $"{Markup.Count(s.FlaggedAnswers)} ({Markup.Percent(s.Answers == 0 ? null : (double)s.FlaggedAnswers / s.Answers)})"),
            ("Target false positive rate", Markup.Percent(s.FalsePositiveRate)),
            ("Truth method", s.Method));
        w.Paragraph(s.FirstAnswer is null
            ? "Time span: not measured, the log has no timestamps."
            : $"Time span: {Markup.Time(s.FirstAnswer)} to {Markup.Time(s.LastAnswer)}.");
        var skipped = s.Detectors.Where(d => !d.Ran).ToArray();
        w.Paragraph($"Detectors: {s.Detectors.Count - skipped.Length} ran" + (skipped.Length == 0 ? "." : $", {skipped.Length} skipped ({string.Join("; ", skipped.Select(d => $"{d.Detector}: {d.SkippedBecause}"))})."));
    }

    private static void Labels(HtmlWriter w, LabelSection s)
    {
        var names = s.Labels.Select(l => l.Label).ToArray();
        w.Figure(
            SvgCharts.Bars(
                "Share of each label",
                names,
                [new ChartSeries("raw answers", [.. s.Labels.Select(l => (l.AnswerShare ?? double.NaN) * 100)]), new ChartSeries("inferred truth (tasks)", [.. s.Labels.Select(l => (l.TaskShare ?? double.NaN) * 100)])],
                "share (%)"),
            "How often each label was given, against how often it is the inferred label of a task. A label given much more often than it is true is where workers err or spam.");
        w.Table("labels", ["Label", "#Answers", "#Share of answers", "#Tasks (truth)", "#Share of tasks"], s.Labels.Select(l => (IReadOnlyList<string>)[l.Label, Markup.Count(l.Answers), Markup.Percent(l.AnswerShare), Markup.Count(l.Tasks), Markup.Percent(l.TaskShare)]));
    }

    private static void Confusion(HtmlWriter w, ConfusionSection s)
    {
        w.Paragraph("Rows are the inferred label, columns the label given; each row is normalised to 100 %. A strong diagonal is a good crowd or worker; weight off the diagonal shows which labels are confused.", "note");
        if (s.OtherLabels > 0)
        {
            w.Paragraph($"{Markup.Count(s.OtherLabels)} less frequent labels are pooled as {AnalysisReportBuilder.OtherLabel}.", "note");
        }

        if (s.Crowd is { } crowd)
        {
            w.Figure(SvgCharts.HeatMap($"Crowd ({Markup.Count(crowd.Answers)} answers)", s.Labels, s.Labels, crowd.Shares, "truth", "answer"), "The crowd's pooled confusion.");
        }

        w.Raw("<h3>The busiest workers</h3>\n<div class=\"grid\">\n");
        foreach (var m in s.Workers)
        {
            w.Raw("<figure>").Raw(SvgCharts.HeatMap($"{Markup.Shorten(m.Name, 24)} ({Markup.Count(m.Answers)})", s.Labels, s.Labels, m.Shares, "truth", "answer")).Raw("</figure>\n");
        }

        w.Raw("</div>\n");
    }

    private static void Speed(HtmlWriter w, SpeedSection s)
    {
        var points = s.Points.Select(p => new ScatterPoint(Math.Max(p.MedianSeconds ?? double.NaN, 0.1), p.Accuracy ?? double.NaN, p.Worker, p.Flagged)).ToArray();
        w.Figure(
            SvgCharts.Scatter("Worker accuracy against median seconds per answer", points, "median seconds per answer (log scale)", "accuracy", true, "flagged", "not flagged"),
            "Each point is a worker: expected accuracy under the inferred truth against the median time claimed per answer. Fast and inaccurate is the spammer's corner (bottom left).");
        if (s.NotShown > 0)
        {
            w.Paragraph($"{Markup.Count(s.Points.Count)} of {Markup.Count(s.Workers)} workers drawn (flagged and other workers each thinned evenly to at most half the points); {Markup.Count(s.NotShown)} not shown.", "note");
        }
    }

    private static void Flags(HtmlWriter w, FlagSection s)
    {
        w.Facts(
            ("Flagged workers", Markup.Count(s.FlaggedWorkers)),
            ("Flagged answers", Markup.Count(s.FlaggedAnswers)),
            ("Worker threshold (p)", Markup.PValue(s.WorkerThreshold)));
        var ran = s.Detectors.Where(d => d.Ran).ToArray();
        if (ran.Length > 0)
        {
            w.Figure(
                SvgCharts.Bars("Flagged workers by detector", [.. ran.Select(d => d.Detector)], [new ChartSeries("flagged workers", [.. ran.Select(d => (double)d.FlaggedWorkers)])], "flagged workers with this reason"),
                "How many flagged workers each detector gave a reason for; one worker can have several.");
        }

        w.Raw("<h3>Most suspicious workers</h3>\n");
        if (s.Workers.Count == 0)
        {
            w.Paragraph("No worker is flagged.");
        }
        else
        {
            w.Table("flagged", ["@Worker", "#Fraud probability", "#p-value", "#Answers", "#Flagged answers", "!Reasons"], s.Workers.Select(f => (IReadOnlyList<string>)[f.Worker, Markup.Number(f.Probability, 3), Markup.PValue(f.PValue), Markup.Count(f.Answers), Markup.Count(f.FlaggedAnswers), f.Reasons]), s.NotShown, "flagged workers");
        }

        w.Raw("<h3>Detectors</h3>\n");
        w.Table("detectors", ["Detector", "Status", "#Flagged workers with this reason"], s.Detectors.Select(d => (IReadOnlyList<string>)[d.Detector, d.Ran ? "ran" : $"skipped: {d.SkippedBecause}", d.Ran ? Markup.Count(d.FlaggedWorkers) : "–"]));
    }

    private static void Rings(HtmlWriter w, RingSection s)
    {
        if (s.Total == 0)
        {
            w.Paragraph("No ring found: no group of workers shares infrastructure, timing or wrong answers beyond chance.");
            return;
        }

        w.Paragraph(s.Total == 1 ? "1 ring found." : $"{Markup.Count(s.Total)} rings found.");
        w.Table("rings", ["#Ring", "#Members", "@Workers", "!Evidence", "#p-value"], s.Rings.Select(r => (IReadOnlyList<string>)[r.Id.ToString(Markup.Invariant), Markup.Count(r.Members.Count), string.Join(", ", r.Members), string.Join("\n", r.Evidence), Markup.PValue(r.PValue)]), s.NotShown, "rings");
    }

    private static void Activity(HtmlWriter w, ActivitySection s)
    {
        var hours = s.Hours.Select(h => h.Hour.ToString("00", Markup.Invariant)).ToArray();
        w.Figure(
            SvgCharts.StackedBars(
                "Answers by hour of the day (UTC)",
                hours,
                [new ChartSeries("not flagged", [.. s.Hours.Select(h => (double)h.Honest)]), new ChartSeries("flagged workers", [.. s.Hours.Select(h => (double)h.Flagged)], SvgWriter.Highlight)],
                $"hour of {s.TimeColumn} (UTC)",
                "answers"),
            "Work round the clock, or at hours when the rest of the crowd sleeps, can be a shared account or a bot.");
        if (s.UntimedAnswers > 0)
        {
            w.Paragraph($"{Markup.Count(s.UntimedAnswers)} answers without {s.TimeColumn} are left out.", "note");
        }
    }

    private static void Pay(HtmlWriter w, PaySection s)
    {
        var unit = s.Currency.Length > 0 ? s.Currency + "/h" : "/h";
        w.Facts(
            ("Paid", Markup.Number(s.Paid)),
            ("Hours of work", Markup.Number(s.Hours, 1)),
            ("Overall rate", Markup.Number(s.Hours > 0 ? s.Paid / s.Hours : null) + " " + unit),
            ("Floor", Markup.Number(s.Floor) + " " + unit),
            ("Workers under the floor", $"{Markup.Count(s.WorkersBelowFloor)} of {Markup.Count(s.Workers)}"));
        w.Figure(
            SvgCharts.Histogram("Workers by effective hourly pay", s.Histogram, $"hourly pay ({unit})", "workers", s.Floor, $"floor {Markup.Number(s.Floor)}"),
            "Each worker's pay over the hours their answers took; the dashed line is the floor.");
        if (s.TaskTypes.Count > 0)
        {
            w.Figure(
                SvgCharts.Bars("Median hourly pay by task type", [.. s.TaskTypes.Select(t => t.Name)], [new ChartSeries("median hourly pay", [.. s.TaskTypes.Select(t => t.MedianHourlyPay ?? double.NaN)])], $"median hourly pay ({unit})", s.Floor, "floor"),
                "Hours-weighted median of the workers' rates on each task type.");
            w.Table("task-types", ["Task type", "#Workers", "#Answers", "#Hours", "#Hourly pay", "#Median", "#10th percentile", "#Hours under floor"], s.TaskTypes.Select(t => (IReadOnlyList<string>)[t.Name + (t.MedianBelowFloor ? " (under the floor)" : ""), Markup.Count(t.Workers), Markup.Count(t.Answers), Markup.Number(t.Hours, 1), Markup.Number(t.HourlyPay), Markup.Number(t.MedianHourlyPay), Markup.Number(t.P10HourlyPay), Markup.Percent(t.ShareOfHoursBelowFloor)]), s.NotShown, "task types");
        }

        foreach (var flag in s.Flags)
        {
            w.Paragraph(flag, "flag");
        }

        if (s.UnknownTimeAnswers + s.UnknownRewardAnswers > 0)
        {
            w.Paragraph($"Left out of the rates: {Markup.Count(s.UnknownTimeAnswers)} answers without both timestamps, {Markup.Count(s.UnknownRewardAnswers)} without a reward.", "note");
        }
    }

    private static void Cohorts(HtmlWriter w, CohortSection s)
    {
        w.Paragraph($"Workers grouped by {s.Column}: {Markup.Count(s.Flagged)} of {Markup.Count(s.Workers)} flagged. The expected count is what the difficulty of each cohort's tasks explains.");
        var drawn = s.Cohorts.Take(20).ToArray();
        if (drawn.Length > 0)
        {
            w.Figure(
                SvgCharts.Bars($"Flagged workers by {s.Column}: observed and expected", [.. drawn.Select(c => c.Name)], [new ChartSeries("flagged", [.. drawn.Select(c => (double)c.Flagged)], SvgWriter.Highlight), new ChartSeries("expected from task difficulty", [.. drawn.Select(c => c.Expected)], "#999999")], "workers"),
                drawn.Length < s.Cohorts.Count ? $"The first {drawn.Length} cohorts of the table." : "Every cohort.");
        }

        if (s.Findings.Count == 0)
        {
            w.Paragraph("No cohort is flagged more often than the difficulty of its tasks explains.");
        }
        else
        {
            w.Raw("<ul class=\"findings\">\n");
            foreach (var finding in s.Findings)
            {
                w.Raw("<li class=\"flag\">").Text(finding).Raw("</li>\n");
            }

            w.Raw("</ul>\n");
        }

        w.Table("cohorts", ["Cohort", "#Workers", "#Flagged", "#Flag rate", "#Expected", "#Ratio", "#Adjusted p"], s.Cohorts.Select(c => (IReadOnlyList<string>)[c.Name, Markup.Count(c.Workers), Markup.Count(c.Flagged), Markup.Percent(c.FlagRate), Markup.Number(c.Expected), c.Ratio is { } r ? Markup.Number(r) : "∞", c.Tested ? Markup.PValue(c.AdjustedPValue) : "not tested"]), s.NotShown, "cohorts");
    }

    private static void Drift(HtmlWriter w, DriftSection s)
    {
        var names = s.Windows.Select(x => x.Name).ToArray();
        w.Figure(
            SvgCharts.Line("Agreement with the inferred truth per window", names, [.. s.Windows.Select(x => x.Agreement)], [.. s.Windows.Select(x => x.Alert)], "window", "agreement", "alert", PercentTick),
            "Share of each window's answers equal to the inferred label of their task; large markers are windows with an alert.");
        w.Figure(
            SvgCharts.StackedBars("Label shares per window", names, [.. s.Labels.Select((label, k) => new ChartSeries(label, [.. s.Windows.Select(x => x.Shares[k] ?? double.NaN)], label == AnalysisReportBuilder.OtherLabel ? "#999999" : null))], "window", "share of answers", PercentTick),
            "A sudden change in the label mix is drift in the data or in the crowd.");
        if (s.NotShown > 0)
        {
            w.Paragraph($"The latest {Markup.Count(s.Windows.Count)} windows are drawn; {Markup.Count(s.NotShown)} earlier ones are not shown.", "note");
        }

        if (s.Alerts.Count == 0)
        {
            w.Paragraph("No alert: no window moved away from the windows before it.");
        }
        else
        {
            w.Table("alerts", ["Window", "What moved", "#Value", "#Before", "#p-value", "!Alert"], s.Alerts.Select(a => (IReadOnlyList<string>)[a.Window, a.Label is null ? a.Kind : $"{a.Kind} ({a.Label})", Markup.Percent(a.Value), Markup.Percent(a.Baseline), Markup.PValue(a.PValue), a.Text]));
        }

        if (s.UntimedAnswers > 0)
        {
            w.Paragraph($"{Markup.Count(s.UntimedAnswers)} answers without submitted_at are left out.", "note");
        }
    }

    private static void Gold(HtmlWriter w, GoldSection s)
    {
        w.Facts(
            ("Gold tasks", Markup.Count(s.GoldTasks)),
            ("Answers on gold", Markup.Count(s.GoldAnswers)),
            ("Gold pass rate", Markup.Percent(s.PassRate)),
            ("Gold the crowd disputes", s.AuditNotRunBecause is null ? Markup.Count(s.Disputed) : "–"),
            ("Suspect gold", s.AuditNotRunBecause is null ? Markup.Count(s.Suspects) : "–"));
        w.Figure(
            SvgCharts.Histogram("Workers by gold pass rate", s.WorkerPassRates, "share of gold answers passed", "workers"),
            $"{Markup.Count(s.Workers)} workers with at least {s.MinGoldAnswers} gold answers; {Markup.Count(s.WorkersWithFewGold)} with fewer are left out.");
        w.Raw("<h3>Gold the crowd disputes</h3>\n");
        if (s.AuditNotRunBecause is { } why)
        {
            w.Paragraph($"Not measured: {why}.", "not-measured");
        }
        else if (s.Disputes.Count == 0)
        {
            w.Paragraph("The crowd, judged without the gold, agrees with every gold label.");
        }
        else
        {
            w.Paragraph("Truth inferred without the gold: where the crowd's label differs from the gold label, the gold may be wrong or the task ambiguous. Suspects make the gold label unlikely and should be checked before they score workers.", "note");
            w.Table("disputes", ["@Task", "Gold label", "Crowd label", "#Answers", "#Pass rate", "#P(gold label)", "#P(crowd label)", "Suspect"], s.Disputes.Select(d => (IReadOnlyList<string>)[d.Task, d.GoldLabel, d.CrowdLabel, Markup.Count(d.Answers), Markup.Percent(d.PassRate), Markup.Number(d.GoldPosterior, 3), Markup.Number(d.CrowdConfidence, 3), d.Suspect ? "yes" : "no"]), s.NotShown, "disputed gold tasks");
        }
    }

    private static void Operations(HtmlWriter w, OperationsSection s)
    {
        if (s.All is { } all)
        {
            w.Facts(
                ("Agreement rate", Markup.Percent(all.AgreementRate)),
                ("Gold pass rate", Markup.Percent(all.GoldPassRate)),
                ("Correction rate", Markup.Percent(all.CorrectionRate)),
                ("Rework per 100 tasks", Markup.Number(all.ReworkPer100, 1)),
                ("Flag rate", Markup.Percent(all.FlagRate)));
        }

        w.Raw("<h3>Scorecard</h3>\n");
        if (s.ScorecardNotMeasuredBecause is { } why)
        {
            w.Paragraph($"Not measured: {why}.", "not-measured");
            return;
        }

        IEnumerable<OperationsLine> lines = s.All is null ? s.Scorecard : [s.All, .. s.Scorecard];
        w.Table("scorecard", [Capital(s.ScorecardColumn), "#Answers", "#Workers", "#Tasks", "#Agreement", "#Gold pass", "#Correction", "#Rework /100", "#Flag rate"], lines.Select(l => (IReadOnlyList<string>)[l.Name, Markup.Count(l.Answers), Markup.Count(l.Workers), Markup.Count(l.Tasks), Markup.Percent(l.AgreementRate), Markup.Percent(l.GoldPassRate), Markup.Percent(l.CorrectionRate), Markup.Number(l.ReworkPer100, 1), Markup.Percent(l.FlagRate)]), s.NotShown, "groups");
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
