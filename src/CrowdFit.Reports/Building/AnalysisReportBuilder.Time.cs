using CrowdFit.Answers;
using CrowdFit.Operations;

namespace CrowdFit.Reports;

public static partial class AnalysisReportBuilder
{
    private const string RequiredColumnsOnly = "the log has only the required columns";

    private static ActivitySection Activity(LogFacts facts)
    {
        if (facts.Log.Context is not { } context || (!context.HasSubmittedAt && !context.HasStartedAt))
        {
            return new ActivitySection { NotMeasuredBecause = "needs submitted_at or started_at" };
        }

        var submitted = context.HasSubmittedAt;
        var ticks = submitted ? context.SubmittedAtTicks : context.StartedAtTicks;
        var answers = facts.Answers;
        var workers = answers.Workers;
        var flaggedWorker = facts.Scores.WorkerFlagged;
        var honest = new int[24];
        var flagged = new int[24];
        var untimed = 0;
        for (var a = 0; a < answers.Count; a++)
        {
            var t = ticks[answers.SourceRow(a)];
            if (t == AnswerContext.MissingTicks)
            {
                untimed++;
                continue;
            }

            var hour = (int)(t / TimeSpan.TicksPerHour % 24);
            (flaggedWorker[workers[a]] ? flagged : honest)[hour]++;
        }

        if (untimed == answers.Count)
        {
            return new ActivitySection { NotMeasuredBecause = "no answer has a timestamp" };
        }

        return new ActivitySection
        {
            TimeColumn = submitted ? "submitted_at" : "started_at",
            Hours = [.. Enumerable.Range(0, 24).Select(h => new HourActivity(h, honest[h], flagged[h]))],
            UntimedAnswers = untimed,
        };
    }

    private static DriftSection Drift(AnalysisInputs inputs, ReportLimits limits)
    {
        if (inputs.Drift is not { } drift)
        {
            return new DriftSection { NotMeasuredBecause = inputs.Result.Log.Context is null ? $"needs submitted_at ({RequiredColumnsOnly})" : "drift was not computed" };
        }

        if (!drift.Ran)
        {
            return new DriftSection { NotMeasuredBecause = drift.SkippedBecause };
        }

        var totals = new int[drift.Labels.Count];
        foreach (var window in drift.Windows)
        {
            for (var k = 0; k < totals.Length; k++)
            {
                totals[k] += window.LabelCounts[k];
            }
        }

        var (names, map) = ChartLabels(drift.Labels, totals, limits.MaxChartLabels);
        var alerted = drift.Alerts.Select(a => a.Window).ToHashSet();
        var skip = Math.Max(0, drift.Windows.Count - limits.MaxWindows);
        return new DriftSection
        {
            Labels = names,
            Windows = [.. drift.Windows.Skip(skip).Select((w, i) => Point(w, i + skip))],
            NotShown = skip,
            Alerts = [.. drift.Alerts.Select(a => new DriftAlertLine(
                drift.Windows[a.Window].Name,
                a.Kind == DriftAlertKind.Agreement ? "agreement" : "label-distribution",
                a.Label >= 0 ? drift.Labels[a.Label] : null,
                a.Value,
                a.Baseline,
                a.PValue,
                a.Text))],
            UntimedAnswers = drift.UntimedAnswers,
        };

        DriftPoint Point(DriftWindow window, int index)
        {
            var counts = new int[names.Length];
            for (var k = 0; k < map.Length; k++)
            {
                counts[map[k]] += window.LabelCounts[k];
            }

            return new DriftPoint(
                window.Name,
                window.Start,
                window.Answers,
                Finite(window.Agreement),
                Finite(window.KrippendorffAlpha),
                [.. counts.Select(c => window.Answers == 0 ? (double?)null : (double)c / window.Answers)],
                alerted.Contains(index));
        }
    }
}
