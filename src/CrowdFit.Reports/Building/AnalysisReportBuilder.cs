using CrowdFit.Answers;
using CrowdFit.Fraud;

namespace CrowdFit.Reports;

/// <summary>Builds an <see cref="AnalysisReport"/> from the engine results: counts, shares and matrices, with caps on what is listed.</summary>
/// <remarks>
/// Every section is present. A section whose input is missing carries the reason in
/// <see cref="ReportSection.NotMeasuredBecause"/> and no numbers. Values that are undefined (NaN, infinite) become
/// <see langword="null"/>. The cost is O(n) in the answers plus sorting of workers and tasks.
/// </remarks>
public static partial class AnalysisReportBuilder
{
    /// <summary>The label that stands for the labels pooled together when there are too many to draw.</summary>
    public const string OtherLabel = "(other)";

    /// <summary>Builds the report.</summary>
    /// <param name="inputs">The engine results.</param>
    /// <param name="limits">Caps on what is listed and drawn; <see cref="ReportLimits.Default"/> when null.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> is null.</exception>
    /// <exception cref="ArgumentException">The limits are invalid.</exception>
    public static AnalysisReport Build(AnalysisInputs inputs, ReportLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        limits ??= ReportLimits.Default;
        if (limits.Problems() is { Count: > 0 } problems)
        {
            throw new ArgumentException($"Invalid {nameof(ReportLimits)}: {string.Join(" ", problems)}", nameof(limits));
        }

        var facts = new LogFacts(inputs.Result);
        var detectors = Detectors(inputs.Result);
        return new AnalysisReport
        {
            Title = inputs.Source.Length > 0 ? $"CrowdFit analysis report: {inputs.Source}" : "CrowdFit analysis report",
            Summary = Summary(inputs, facts, detectors),
            Labels = Labels(facts),
            Confusion = Confusion(facts, limits),
            Speed = Speed(facts, limits),
            Flags = Flags(facts, detectors, limits),
            Rings = Rings(facts, limits),
            Activity = Activity(facts),
            Pay = Pay(inputs, facts, limits),
            Cohorts = Cohorts(inputs, limits),
            Drift = Drift(inputs, limits),
            Gold = Gold(inputs, facts, limits),
            Operations = Operations(inputs, limits),
        };
    }

    /// <summary>The value when it is a finite number, else <see langword="null"/>.</summary>
    internal static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private static SummarySection Summary(AnalysisInputs inputs, LogFacts facts, IReadOnlyList<DetectorStatus> detectors)
    {
        var answers = facts.Answers;
        var (first, last) = TimeSpanOf(facts);
        return new SummarySection
        {
            Source = inputs.Source,
            Answers = answers.Count,
            Tasks = answers.TaskCount,
            Workers = answers.WorkerCount,
            Labels = answers.ClassCount,
            GoldTasks = facts.Log.Gold.Count,
            FlaggedWorkers = facts.Scores.FlaggedWorkerCount,
            FlaggedAnswers = facts.Scores.FlaggedAnswerCount,
            FalsePositiveRate = facts.Scores.WorkerThreshold,
            Method = facts.Result.Truth.Method,
            FirstAnswer = first,
            LastAnswer = last,
            Detectors = detectors,
        };
    }

    private static (DateTimeOffset? First, DateTimeOffset? Last) TimeSpanOf(LogFacts facts)
    {
        if (facts.Log.Context is not { } context)
        {
            return (null, null);
        }

        var min = long.MaxValue;
        var max = long.MinValue;
        var answers = facts.Answers;
        Scan(context.StartedAtTicks);
        Scan(context.SubmittedAtTicks);
        return min > max ? (null, null) : (new DateTimeOffset(min, TimeSpan.Zero), new DateTimeOffset(max, TimeSpan.Zero));

        void Scan(ReadOnlySpan<long> ticks)
        {
            if (ticks.IsEmpty)
            {
                return;
            }

            for (var a = 0; a < answers.Count; a++)
            {
                var t = ticks[answers.SourceRow(a)];
                if (t != AnswerContext.MissingTicks)
                {
                    min = Math.Min(min, t);
                    max = Math.Max(max, t);
                }
            }
        }
    }

    /// <summary>
    /// Every detector with the flagged workers it gave a reason for: as in <see cref="FraudScoring"/>, a detector is
    /// among a flagged worker's reasons when its own p-value is at most the threshold over the detectors that ran.
    /// </summary>
    private static DetectorStatus[] Detectors(FraudAnalysisResult result)
    {
        var scores = result.Scores;
        var ran = Math.Max(1, result.Reports.Count(r => r.Ran));
        var perDetector = scores.WorkerThreshold / ran;
        var statuses = new DetectorStatus[result.Reports.Count];
        for (var d = 0; d < statuses.Length; d++)
        {
            var report = result.Reports[d];
            if (!report.Ran)
            {
                statuses[d] = new DetectorStatus(report.Detector, false, report.SkippedBecause, 0);
                continue;
            }

            var count = 0;
            var p = report.WorkerP;
            var flagged = scores.WorkerFlagged;
            for (var w = 0; w < flagged.Length; w++)
            {
                count += flagged[w] && p[w] <= perDetector ? 1 : 0;
            }

            statuses[d] = new DetectorStatus(report.Detector, true, null, count);
        }

        return statuses;
    }

    private static LabelSection Labels(LogFacts facts)
    {
        var answers = facts.Answers;
        var tasks = new int[answers.ClassCount];
        foreach (var label in facts.TruthLabel)
        {
            tasks[label]++;
        }

        return new LabelSection
        {
            Labels = [.. answers.Labels.Select((label, k) => new LabelCount(
                label,
                facts.LabelAnswers[k],
                answers.Count == 0 ? null : (double)facts.LabelAnswers[k] / answers.Count,
                tasks[k],
                answers.TaskCount == 0 ? null : (double)tasks[k] / answers.TaskCount))],
        };
    }

    /// <summary>
    /// Maps every class to a drawn label: all of them when they fit, else the most frequent (by <paramref name="counts"/>)
    /// in label order and <see cref="OtherLabel"/> for the rest.
    /// </summary>
    private static (string[] Names, int[] Map) ChartLabels(IReadOnlyList<string> labels, int[] counts, int max)
    {
        var map = new int[labels.Count];
        if (labels.Count <= max)
        {
            for (var k = 0; k < map.Length; k++)
            {
                map[k] = k;
            }

            return ([.. labels], map);
        }

        var kept = Enumerable.Range(0, labels.Count).OrderByDescending(k => counts[k]).ThenBy(k => k).Take(max - 1).Order().ToArray();
        Array.Fill(map, kept.Length);
        for (var i = 0; i < kept.Length; i++)
        {
            map[kept[i]] = i;
        }

        return ([.. kept.Select(k => labels[k]), OtherLabel], map);
    }

    /// <summary>Evenly spaced picks of <paramref name="take"/> out of <paramref name="count"/> positions, in order.</summary>
    internal static IEnumerable<int> EvenlySpaced(int count, int take)
    {
        if (take >= count)
        {
            return Enumerable.Range(0, count);
        }

        return Enumerable.Range(0, take).Select(i => (int)((long)i * count / take));
    }
}
