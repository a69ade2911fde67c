namespace CrowdFit.Reports;

public static partial class MarkdownReport
{
    private static void Body(TextWriter w, ReportSection section)
    {
        switch (section)
        {
            case SummarySection s:
                Facts(
                    w,
                    ("Answers", Markup.Count(s.Answers)),
                    ("Tasks", Markup.Count(s.Tasks)),
                    ("Workers", Markup.Count(s.Workers)),
                    ("Labels", Markup.Count(s.Labels)),
                    ("Gold tasks", Markup.Count(s.GoldTasks)),
                    ("Flagged workers", Markup.Count(s.FlaggedWorkers)),
                    ("Flagged answers", Markup.Count(s.FlaggedAnswers)),
                    ("Target false positive rate", Markup.Percent(s.FalsePositiveRate)),
                    ("Truth method", s.Method),
                    ("Time span", s.FirstAnswer is null ? "not measured, the log has no timestamps" : $"{Markup.Time(s.FirstAnswer)} to {Markup.Time(s.LastAnswer)}"));
                break;
            case LabelSection s:
                Table(w, ["Label", "#Answers", "#Share of answers", "#Tasks (truth)", "#Share of tasks"], s.Labels.Select(l => (IReadOnlyList<string>)[l.Label, Markup.Count(l.Answers), Markup.Percent(l.AnswerShare), Markup.Count(l.Tasks), Markup.Percent(l.TaskShare)]));
                break;
            case ConfusionSection s:
                Line(w, "Rows are the inferred label, columns the label given; each row sums to 100 %.");
                if (s.OtherLabels > 0)
                {
                    Line(w, $"{Markup.Count(s.OtherLabels)} less frequent labels are pooled as {AnalysisReportBuilder.OtherLabel}.");
                }

                foreach (var m in (IEnumerable<ConfusionMatrix>)[.. s.Crowd is null ? [] : new[] { s.Crowd }, .. s.Workers])
                {
                    w.Write($"### {Escape(m.Name)} ({Markup.Count(m.Answers)} answers)\n\n");
                    Table(w, ["truth \\ answer", .. s.Labels.Select(l => "#" + l), "#Answers"], s.Labels.Select((label, k) => (IReadOnlyList<string>)[label, .. m.Shares[k].Select(Markup.Percent), Markup.Count(m.RowAnswers[k])]));
                }

                break;
            case SpeedSection s:
                Line(w, $"{Markup.Count(s.Workers)} workers with a known accuracy and median time, {Markup.Count(s.Points.Count)} drawn in the HTML report ({Markup.Count(s.NotShown)} not drawn); the least accurate of them:");
                Table(w, ["Worker", "#Answers", "#Accuracy", "#Median seconds", "Flagged"], s.Points.OrderBy(p => p.Accuracy).ThenBy(p => p.Worker, StringComparer.Ordinal).Take(20).Select(p => (IReadOnlyList<string>)[p.Worker, Markup.Count(p.Answers), Markup.Percent(p.Accuracy), Markup.Number(p.MedianSeconds, 1), p.Flagged ? "yes" : "no"]), Math.Max(0, s.Points.Count - 20), "drawn workers");
                break;
            case FlagSection s:
                Facts(w, ("Flagged workers", Markup.Count(s.FlaggedWorkers)), ("Flagged answers", Markup.Count(s.FlaggedAnswers)), ("Worker threshold (p)", Markup.PValue(s.WorkerThreshold)));
                if (s.Workers.Count > 0)
                {
                    Table(w, ["Worker", "#Fraud probability", "#p-value", "#Answers", "#Flagged answers", "Reasons"], s.Workers.Select(f => (IReadOnlyList<string>)[f.Worker, Markup.Number(f.Probability, 3), Markup.PValue(f.PValue), Markup.Count(f.Answers), Markup.Count(f.FlaggedAnswers), f.Reasons]), s.NotShown, "flagged workers");
                }

                Table(w, ["Detector", "Status", "#Flagged workers with this reason"], s.Detectors.Select(d => (IReadOnlyList<string>)[d.Detector, d.Ran ? "ran" : $"skipped: {d.SkippedBecause}", d.Ran ? Markup.Count(d.FlaggedWorkers) : "–"]));
                break;
            case RingSection s:
                Line(w, s.Total switch { 0 => "No ring found.", 1 => "1 ring found.", _ => $"{Markup.Count(s.Total)} rings found." });
                if (s.Total > 0)
                {
                    Table(w, ["#Ring", "Workers", "Evidence", "#p-value"], s.Rings.Select(r => (IReadOnlyList<string>)[r.Id.ToString(Markup.Invariant), string.Join(", ", r.Members), string.Join(" · ", r.Evidence), Markup.PValue(r.PValue)]), s.NotShown, "rings");
                }

                break;
            case ActivitySection s:
                Line(w, $"Answers by hour of {s.TimeColumn} (UTC); {Markup.Count(s.UntimedAnswers)} untimed answers left out.");
                Table(w, ["Hour", "#Not flagged", "#Flagged workers"], s.Hours.Select(h => (IReadOnlyList<string>)[h.Hour.ToString("00", Markup.Invariant), Markup.Count(h.Honest), Markup.Count(h.Flagged)]));
                break;
            case PaySection s:
                Facts(w, ("Paid", Markup.Number(s.Paid)), ("Hours of work", Markup.Number(s.Hours, 1)), ("Floor per hour", Markup.Number(s.Floor)), ("Workers under the floor", $"{Markup.Count(s.WorkersBelowFloor)} of {Markup.Count(s.Workers)}"));
                Table(w, ["Task type", "#Workers", "#Answers", "#Hours", "#Hourly pay", "#Median", "#10th percentile", "#Hours under floor"], s.TaskTypes.Select(t => (IReadOnlyList<string>)[t.Name + (t.MedianBelowFloor ? " (under the floor)" : ""), Markup.Count(t.Workers), Markup.Count(t.Answers), Markup.Number(t.Hours, 1), Markup.Number(t.HourlyPay), Markup.Number(t.MedianHourlyPay), Markup.Number(t.P10HourlyPay), Markup.Percent(t.ShareOfHoursBelowFloor)]), s.NotShown, "task types");
                Table(w, ["Hourly pay from", "To", "#Workers"], s.Histogram.Select(b => (IReadOnlyList<string>)[Markup.Number(b.From), b.To is { } to ? Markup.Number(to) : "and more", Markup.Count(b.Count)]));
                foreach (var flag in s.Flags)
                {
                    Line(w, flag);
                }

                break;
            case CohortSection s:
                Line(w, $"Workers grouped by {s.Column}: {Markup.Count(s.Flagged)} of {Markup.Count(s.Workers)} flagged.");
                foreach (var finding in s.Findings)
                {
                    w.Write("- " + Escape(finding) + "\n");
                }

                Table(w, ["Cohort", "#Workers", "#Flagged", "#Flag rate", "#Expected", "#Ratio", "#Adjusted p"], s.Cohorts.Select(c => (IReadOnlyList<string>)[c.Name, Markup.Count(c.Workers), Markup.Count(c.Flagged), Markup.Percent(c.FlagRate), Markup.Number(c.Expected), c.Ratio is { } r ? Markup.Number(r) : "∞", c.Tested ? Markup.PValue(c.AdjustedPValue) : "not tested"]), s.NotShown, "cohorts");
                break;
            case DriftSection s:
                Table(w, ["Window", "#Answers", "#Agreement", .. s.Labels.Select(l => "#" + l), "Alert"], s.Windows.Select(x => (IReadOnlyList<string>)[x.Name, Markup.Count(x.Answers), Markup.Percent(x.Agreement), .. x.Shares.Select(Markup.Percent), x.Alert ? "yes" : ""]), s.NotShown, "earlier windows");
                foreach (var alert in s.Alerts)
                {
                    w.Write("- " + Escape(alert.Text) + "\n");
                }

                w.Write('\n');
                break;
            case GoldSection s:
                Facts(w, ("Gold tasks", Markup.Count(s.GoldTasks)), ("Answers on gold", Markup.Count(s.GoldAnswers)), ("Gold pass rate", Markup.Percent(s.PassRate)), ("Gold the crowd disputes", s.AuditNotRunBecause is null ? Markup.Count(s.Disputed) : "not measured: " + s.AuditNotRunBecause), ("Suspect gold", s.AuditNotRunBecause is null ? Markup.Count(s.Suspects) : "–"));
                Table(w, ["Task", "Gold label", "Crowd label", "#Answers", "#Pass rate", "#P(gold label)", "#P(crowd label)", "Suspect"], s.Disputes.Select(d => (IReadOnlyList<string>)[d.Task, d.GoldLabel, d.CrowdLabel, Markup.Count(d.Answers), Markup.Percent(d.PassRate), Markup.Number(d.GoldPosterior, 3), Markup.Number(d.CrowdConfidence, 3), d.Suspect ? "yes" : "no"]), s.NotShown, "disputed gold tasks");
                Line(w, $"Workers by gold pass rate ({Markup.Count(s.Workers)} with at least {s.MinGoldAnswers} gold answers; {Markup.Count(s.WorkersWithFewGold)} with fewer left out):");
                Table(w, ["Pass rate from", "To", "#Workers"], s.WorkerPassRates.Select(b => (IReadOnlyList<string>)[Markup.Percent(b.From), Markup.Percent(b.To), Markup.Count(b.Count)]));
                break;
            case OperationsSection s:
                IEnumerable<OperationsLine> lines = s.All is null ? s.Scorecard : [s.All, .. s.Scorecard];
                if (s.ScorecardNotMeasuredBecause is { } why)
                {
                    Line(w, $"Scorecard not measured: {why}.");
                    lines = s.All is null ? [] : [s.All];
                }

                Table(w, [s.ScorecardColumn, "#Answers", "#Workers", "#Tasks", "#Agreement", "#Gold pass", "#Correction", "#Rework /100", "#Flag rate"], lines.Select(l => (IReadOnlyList<string>)[l.Name, Markup.Count(l.Answers), Markup.Count(l.Workers), Markup.Count(l.Tasks), Markup.Percent(l.AgreementRate), Markup.Percent(l.GoldPassRate), Markup.Percent(l.CorrectionRate), Markup.Number(l.ReworkPer100, 1), Markup.Percent(l.FlagRate)]), s.NotShown, "groups");
                break;
            default:
                throw new ArgumentException($"Unknown section '{section.Id}'.", nameof(section));
        }
    }
}
