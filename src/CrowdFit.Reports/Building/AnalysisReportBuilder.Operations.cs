using CrowdFit.Answers;
using CrowdFit.Operations;

namespace CrowdFit.Reports;

public static partial class AnalysisReportBuilder
{
    private static PaySection Pay(AnalysisInputs inputs, LogFacts facts, ReportLimits limits)
    {
        if (inputs.Pay is not { } pay)
        {
            return new PaySection { NotMeasuredBecause = facts.Log.Context is null ? $"needs started_at, submitted_at and reward ({RequiredColumnsOnly})" : "pay was not computed" };
        }

        if (!pay.Ran)
        {
            return new PaySection { NotMeasuredBecause = pay.SkippedBecause, Floor = pay.Floor, Currency = pay.Currency };
        }

        var rates = pay.Workers.Select(w => w.HourlyPay).Where(double.IsFinite).ToArray();
        var types = pay.TaskTypes.OrderByDescending(t => t.Hours).ThenBy(t => t.Name, StringComparer.Ordinal).ToArray();
        return new PaySection
        {
            Floor = pay.Floor,
            Currency = pay.Currency,
            Paid = pay.Paid,
            Hours = pay.Hours,
            Workers = rates.Length,
            WorkersBelowFloor = pay.Workers.Count(w => w.BelowFloor),
            UnknownTimeAnswers = pay.UnknownTimeAnswers,
            UnknownRewardAnswers = pay.UnknownRewardAnswers,
            TaskTypes = [.. types.Take(limits.MaxTableRows).Select(t => new TaskTypePayRow(
                t.Name,
                t.Workers,
                t.Answers,
                t.Hours,
                Finite(t.HourlyPay),
                Finite(t.MedianHourlyPay),
                Finite(t.P10HourlyPay),
                Finite(t.ShareOfHoursBelowFloor),
                t.MedianBelowFloor))],
            NotShown = Math.Max(0, types.Length - limits.MaxTableRows),
            Histogram = PayHistogram(rates, pay.Floor, limits.PayBins),
            Flags = pay.Flags,
        };
    }

    /// <summary>
    /// Bins from min(0, lowest rate) to a round number at or above both twice the floor and the 98th percentile, so
    /// one extreme worker does not squeeze everyone else into a bin; rates beyond it go to an open last bin.
    /// </summary>
    internal static HistogramBin[] PayHistogram(double[] rates, double floor, int bins)
    {
        if (rates.Length == 0)
        {
            return [];
        }

        var sorted = rates.Order().ToArray();
        var from = Math.Min(0, Math.Floor(sorted[0]));
        var high = sorted[(int)Math.Floor(0.98 * (sorted.Length - 1))];
        var to = RoundUp(Math.Max(high, 2 * floor) - from) + from;
        var width = (to - from) / bins;
        var counts = new int[bins + 1];
        foreach (var rate in sorted)
        {
            counts[rate > to ? bins : Math.Min(bins - 1, (int)((rate - from) / width))]++;
        }

        var result = Enumerable.Range(0, bins).Select(b => new HistogramBin(from + (b * width), from + ((b + 1) * width), counts[b])).ToList();
        if (counts[bins] > 0)
        {
            result.Add(new HistogramBin(to, null, counts[bins]));
        }

        return [.. result];
    }

    /// <summary>The smallest of 1, 2, 2.5, 5 times a power of ten that is at least <paramref name="value"/>.</summary>
    internal static double RoundUp(double value)
    {
        if (!(value > 0))
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in (ReadOnlySpan<double>)[1, 2, 2.5, 5, 10])
        {
            if (step * power >= value * (1 - 1e-12))
            {
                return step * power;
            }
        }

        return 10 * power;
    }

    private static CohortSection Cohorts(AnalysisInputs inputs, ReportLimits limits)
    {
        if (inputs.Cohorts is not { } cohorts)
        {
            return new CohortSection { NotMeasuredBecause = inputs.Result.Log.Context is null ? $"needs a country column ({RequiredColumnsOnly})" : "the cohort audit was not run" };
        }

        if (!cohorts.Ran)
        {
            return new CohortSection { NotMeasuredBecause = cohorts.SkippedBecause, Column = cohorts.Column };
        }

        var rows = cohorts.Cohorts.OrderByDescending(c => c.IsFinding).ThenByDescending(c => c.Workers).ThenBy(c => c.Name, StringComparer.Ordinal).ToArray();
        return new CohortSection
        {
            Column = cohorts.Column,
            Workers = cohorts.Workers,
            Flagged = cohorts.Flagged,
            Cohorts = [.. rows.Take(limits.MaxTableRows).Select(c => new CohortLine(c.Name, c.Workers, c.Flagged, c.FlagRate, c.Expected, Finite(c.Ratio), c.Tested, Finite(c.AdjustedPValue), c.Finding))],
            NotShown = Math.Max(0, rows.Length - limits.MaxTableRows),
            Findings = cohorts.Findings,
        };
    }

    private static GoldSection Gold(AnalysisInputs inputs, LogFacts facts, ReportLimits limits)
    {
        var gold = facts.Log.Gold;
        var answers = facts.Answers;
        if (gold.Count == 0)
        {
            return new GoldSection { NotMeasuredBecause = "no gold labels were given" };
        }

        var passes = new int[answers.WorkerCount];
        var tries = new int[answers.WorkerCount];
        var tasks = answers.Tasks;
        var workers = answers.Workers;
        var labels = answers.AnswerLabels;
        for (var a = 0; a < answers.Count; a++)
        {
            if (gold[tasks[a]] is var g and not GoldLabels.None)
            {
                tries[workers[a]]++;
                passes[workers[a]] += labels[a] == g ? 1 : 0;
            }
        }

        var goldAnswers = tries.Sum();
        var bins = new int[10];
        var measured = 0;
        var few = 0;
        for (var w = 0; w < tries.Length; w++)
        {
            if (tries[w] >= limits.MinGoldAnswers)
            {
                measured++;
                bins[Math.Min(9, passes[w] * 10 / tries[w])]++;
            }
            else if (tries[w] > 0)
            {
                few++;
            }
        }

        var disputes = inputs.GoldAudit?.Where(i => i.Answers > 0 && i.CrowdLabel != i.GoldLabel).ToArray() ?? [];
        return new GoldSection
        {
            GoldTasks = gold.Count,
            GoldAnswers = goldAnswers,
            PassRate = goldAnswers == 0 ? null : (double)passes.Sum() / goldAnswers,
            AuditNotRunBecause = inputs.GoldAudit is null ? "the gold audit was not run" : null,
            Disputed = disputes.Length,
            Suspects = disputes.Count(d => d.Suspect),
            Disputes = [.. disputes.Take(limits.MaxTableRows).Select(i => new GoldDispute(
                answers.TaskIds[i.Task],
                answers.Labels[i.GoldLabel],
                answers.Labels[i.CrowdLabel],
                i.Answers,
                Finite(i.PassRate),
                i.GoldPosterior,
                i.CrowdConfidence,
                i.Suspect))],
            NotShown = Math.Max(0, disputes.Length - limits.MaxTableRows),
            MinGoldAnswers = limits.MinGoldAnswers,
            Workers = measured,
            WorkersWithFewGold = few,
            WorkerPassRates = [.. bins.Select((count, b) => new HistogramBin(b / 10.0, (b + 1) / 10.0, count))],
        };
    }

    private static OperationsSection Operations(AnalysisInputs inputs, ReportLimits limits)
    {
        if (inputs.Operations is not { } metrics)
        {
            return new OperationsSection { NotMeasuredBecause = "the operations metrics were not computed" };
        }

        var column = metrics.Column == ScorecardColumn.Project ? "project" : "country";
        var rows = metrics.Scorecard.OrderByDescending(r => r.Answers).ThenBy(r => r.Name, StringComparer.Ordinal).ToArray();
        return new OperationsSection
        {
            All = Line("all", metrics),
            ScorecardColumn = column,
            ScorecardNotMeasuredBecause = metrics.ScorecardSkippedBecause,
            Scorecard = [.. rows.Take(limits.MaxTableRows).Select(r => Line(r.Name, r))],
            NotShown = Math.Max(0, rows.Length - limits.MaxTableRows),
        };
    }

    private static OperationsLine Line(string name, OperationsRates rates) => new(
        name,
        rates.Answers,
        rates.Workers,
        rates.Tasks,
        Finite(rates.AgreementRate),
        rates.GoldAnswers,
        Finite(rates.GoldPassRate),
        Finite(rates.CorrectionRate),
        Finite(rates.ReworkPer100),
        rates.Flagged,
        Finite(rates.FlagRate));
}
