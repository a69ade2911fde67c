namespace CrowdFit.Reports;

public static partial class AnalysisReportBuilder
{
    private static ConfusionSection Confusion(LogFacts facts, ReportLimits limits)
    {
        var answers = facts.Answers;
        if (answers.Count == 0)
        {
            return new ConfusionSection { NotMeasuredBecause = "the log has no answers" };
        }

        var (names, map) = ChartLabels(answers.Labels, facts.LabelAnswers, limits.MaxChartLabels);
        var busiest = Enumerable.Range(0, answers.WorkerCount)
            .OrderByDescending(w => facts.WorkerAnswers[w])
            .ThenBy(w => answers.WorkerIds[w], StringComparer.Ordinal)
            .Take(limits.ConfusionWorkers)
            .ToArray();
        var size = names.Length;
        var crowd = new long[size * size];
        var own = new long[busiest.Length][];
        var slot = new int[answers.WorkerCount];
        Array.Fill(slot, -1);
        for (var i = 0; i < busiest.Length; i++)
        {
            own[i] = new long[size * size];
            slot[busiest[i]] = i;
        }

        var tasks = answers.Tasks;
        var workers = answers.Workers;
        var labels = answers.AnswerLabels;
        for (var a = 0; a < answers.Count; a++)
        {
            var cell = (map[facts.TruthLabel[tasks[a]]] * size) + map[labels[a]];
            crowd[cell]++;
            if (slot[workers[a]] is var s and >= 0)
            {
                own[s][cell]++;
            }
        }

        return new ConfusionSection
        {
            Labels = names,
            OtherLabels = names.Length < answers.ClassCount ? answers.ClassCount - (names.Length - 1) : 0,
            Crowd = Normalise("crowd", crowd, size),
            Workers = [.. busiest.Select((w, i) => Normalise(answers.WorkerIds[w], own[i], size))],
        };
    }

    private static ConfusionMatrix Normalise(string name, long[] counts, int size)
    {
        var rows = new int[size];
        var shares = new IReadOnlyList<double?>[size];
        for (var k = 0; k < size; k++)
        {
            var total = 0L;
            for (var l = 0; l < size; l++)
            {
                total += counts[(k * size) + l];
            }

            rows[k] = (int)total;
            var row = new double?[size];
            for (var l = 0; l < size; l++)
            {
                row[l] = total == 0 ? null : (double)counts[(k * size) + l] / total;
            }

            shares[k] = row;
        }

        return new ConfusionMatrix(name, rows.Sum(), rows, shares);
    }

    private static SpeedSection Speed(LogFacts facts, ReportLimits limits)
    {
        var log = facts.Log;
        if (!log.HasStartTimes || !log.HasSubmitTimes)
        {
            return new SpeedSection { NotMeasuredBecause = "needs started_at and submitted_at" };
        }

        var answers = facts.Answers;
        var flagged = facts.Scores.WorkerFlagged;
        var points = new List<(int Worker, WorkerPoint Point)>();
        var durations = new List<double>();
        for (var w = 0; w < answers.WorkerCount; w++)
        {
            durations.Clear();
            foreach (var a in log.Timeline(w))
            {
                if (log.Duration(a) is var d && double.IsFinite(d) && d >= 0)
                {
                    durations.Add(d);
                }
            }

            if (durations.Count > 0 && Finite(facts.Result.Workers[w].Accuracy) is { } accuracy)
            {
                points.Add((w, new WorkerPoint(answers.WorkerIds[w], facts.WorkerAnswers[w], accuracy, Median(durations), flagged[w])));
            }
        }

        if (points.Count == 0)
        {
            return new SpeedSection { NotMeasuredBecause = "no answer has both started_at and submitted_at" };
        }

        // Flagged workers are what a reader looks for, honest ones the baseline they are judged against: each group
        // gets half the points (more when the other has fewer), thinned evenly in worker order.
        var flaggedPoints = points.Where(p => p.Point.Flagged).ToArray();
        var others = points.Where(p => !p.Point.Flagged).ToArray();
        var cap = limits.MaxScatterPoints;
        var flaggedTake = Math.Min(flaggedPoints.Length, Math.Max(cap / 2, cap - others.Length));
        var chosen = EvenlySpaced(flaggedPoints.Length, flaggedTake).Select(i => flaggedPoints[i])
            .Concat(EvenlySpaced(others.Length, Math.Min(others.Length, cap - flaggedTake)).Select(i => others[i]))
            .ToList();
        return new SpeedSection
        {
            Workers = points.Count,
            Points = [.. chosen.OrderBy(p => p.Worker).Select(p => p.Point)],
            NotShown = points.Count - chosen.Count,
        };
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        var n = values.Count;
        return n % 2 == 1 ? values[n / 2] : (values[(n / 2) - 1] + values[n / 2]) / 2;
    }

    private static FlagSection Flags(LogFacts facts, IReadOnlyList<DetectorStatus> detectors, ReportLimits limits)
    {
        var answers = facts.Answers;
        var scores = facts.Scores;
        var flagged = Enumerable.Range(0, answers.WorkerCount)
            .Where(w => scores.WorkerFlagged[w])
            .OrderBy(w => scores.WorkerP[w])
            .ThenBy(w => answers.WorkerIds[w], StringComparer.Ordinal)
            .ToArray();
        var listed = flagged.Take(limits.MaxFlaggedWorkers).Select(w => new FlaggedWorker(
            answers.WorkerIds[w],
            scores.WorkerProbability[w],
            scores.WorkerP[w],
            facts.WorkerAnswers[w],
            facts.WorkerFlaggedAnswers[w],
            scores.WorkerReasons(w)));
        return new FlagSection
        {
            WorkerThreshold = scores.WorkerThreshold,
            FlaggedWorkers = flagged.Length,
            FlaggedAnswers = scores.FlaggedAnswerCount,
            Workers = [.. listed],
            NotShown = Math.Max(0, flagged.Length - limits.MaxFlaggedWorkers),
            Detectors = detectors,
        };
    }

    private static RingSection Rings(LogFacts facts, ReportLimits limits)
    {
        var rings = facts.Result.Rings;
        var ids = facts.Answers.WorkerIds;
        return new RingSection
        {
            Total = rings.Count,
            Rings = [.. rings.Take(limits.MaxRings).Select(r => new RingEntry(r.Id, [.. r.Workers.Select(w => ids[w])], r.Evidence, r.PValue))],
            NotShown = Math.Max(0, rings.Count - limits.MaxRings),
        };
    }
}
