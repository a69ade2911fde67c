using CrowdFit.Answers;
using CrowdFit.Fraud;

namespace CrowdFit.Simulation.RedTeam;

/// <summary>
/// How many bad answers an adversary gives before it is flagged: the log is analysed again with every
/// adversary's work cut off after its first n bad answers, for a rising series of n, and each adversary's
/// count is the first n at which it is flagged.
/// </summary>
/// <remarks>
/// An adversary's answers are taken in its own submit order, so a sleeper keeps its honest start and is cut
/// n bad answers after it turned; an adversary with fewer than n bad answers keeps them all and counts as
/// its total. Honest workers keep all their work: the question is how quickly a platform with a history
/// sees a newly bad account, not how quickly it learns its honest crowd. The series is 5, 10, … 30, then
/// geometric up to the largest adversary's bad answers, <c>checkpoints</c> values in all, so the counts that
/// decide a target of about 20 are measured to within five answers. A worker never flagged counts as
/// infinitely late.
/// </remarks>
public static class AnswersToFlag
{
    /// <summary>Step of the first, evenly spaced budgets.</summary>
    public const int Step = 5;

    /// <summary>Number of evenly spaced budgets before the series turns geometric.</summary>
    public const int EvenBudgets = 6;

    /// <summary>The series of budgets (bad answers per adversary) for adversaries with at most <paramref name="most"/> bad answers.</summary>
    /// <param name="most">The largest number of bad answers of any adversary.</param>
    /// <param name="checkpoints">Number of budgets at most.</param>
    /// <returns>Strictly increasing budgets, the last at least <paramref name="most"/>.</returns>
    public static IReadOnlyList<int> Budgets(int most, int checkpoints)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(checkpoints, 1);
        most = Math.Max(1, most);
        List<int> budgets = [];
        var even = Math.Min(EvenBudgets, checkpoints - 1);
        for (var i = 1; i <= even && Step * i < most; i++)
        {
            budgets.Add(Step * i);
        }

        var from = budgets.Count == 0 ? 1.0 : budgets[^1];
        var left = checkpoints - budgets.Count;
        for (var i = 1; i <= left; i++)
        {
            var budget = i == left ? most : (int)Math.Round(from * Math.Pow(most / from, (double)i / left));
            if (budgets.Count == 0 || budget > budgets[^1])
            {
                budgets.Add(budget);
            }
        }

        return budgets;
    }

    /// <summary>Measures the median count per adversary kind.</summary>
    /// <param name="answers">The whole log's answers.</param>
    /// <param name="context">Its context (submit times give each adversary's order; source order when absent).</param>
    /// <param name="gold">Gold labels of the whole log, or null.</param>
    /// <param name="detectors">The detectors.</param>
    /// <param name="options">Analysis settings.</param>
    /// <param name="truth">The known truth.</param>
    /// <param name="checkpoints">Number of budgets (analyses) at most.</param>
    /// <param name="kinds">The adversary kinds to measure; every kind but honest when null.</param>
    /// <param name="progress">Receives one line per budget; may be null.</param>
    /// <returns>Per adversary kind measured, the median count (positive infinity when most were never flagged).</returns>
    public static IReadOnlyDictionary<string, double> Measure(
        AnswerSet answers,
        AnswerContext? context,
        GoldLabels? gold,
        IReadOnlyList<IFraudDetector> detectors,
        FraudAnalysisOptions options,
        RedTeamTruth truth,
        int checkpoints = 16,
        IReadOnlySet<string>? kinds = null,
        IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentOutOfRangeException.ThrowIfLessThan(checkpoints, 1);
        var n = answers.Count;

        // Source-row columns, so that a subset of rows can be rebuilt with its context.
        var rows = context?.RowCount ?? n;
        var rowAnswer = new int[rows];
        Array.Fill(rowAnswer, -1);
        for (var a = 0; a < n; a++)
        {
            rowAnswer[answers.SourceRow(a)] = a;
        }

        var order = Enumerable.Range(0, rows).Where(r => rowAnswer[r] >= 0).ToArray();
        if (context is { HasSubmittedAt: true })
        {
            var submitted = context.SubmittedAtTicks.ToArray();
            order = [.. order.OrderBy(r => submitted[r]).ThenBy(r => r)];
        }

        var kind = answers.WorkerIds.Select(truth.KindOf).ToArray();
        var measured = kind.Select(k => k is not null and not RedTeamTruth.HonestKind && (kinds is null || kinds.Contains(k))).ToArray();

        // For each answer, the worker's bad answers up to and including it, in the worker's submit order.
        var badUpTo = new int[n];
        var totalBad = new int[answers.WorkerCount];
        foreach (var row in order)
        {
            var a = rowAnswer[row];
            var w = answers.Workers[a];
            totalBad[w] += truth.AnswerOf(answers.TaskIds[answers.Tasks[a]], answers.WorkerIds[w]) is { Bad: true } ? 1 : 0;
            badUpTo[a] = totalBad[w];
        }

        var most = 0;
        for (var w = 0; w < measured.Length; w++)
        {
            most = measured[w] ? Math.Max(most, totalBad[w]) : most;
        }

        var flaggedAfter = new double[answers.WorkerCount];
        Array.Fill(flaggedAfter, double.NaN);
        var goldPerTask = gold?.PerTask.ToArray();
        var budgets = Budgets(most, checkpoints);
        var isAdversary = kind.Select(k => k is not null and not RedTeamTruth.HonestKind).ToArray();
        for (var c = 0; c < budgets.Count && most > 0; c++)
        {
            var budget = budgets[c];
            var kept = order.Where(r => !isAdversary[answers.Workers[rowAnswer[r]]] || badUpTo[rowAnswer[r]] <= budget).ToArray();
            var task = new int[kept.Length];
            var worker = new int[kept.Length];
            var label = new int[kept.Length];
            for (var i = 0; i < kept.Length; i++)
            {
                var a = rowAnswer[kept[i]];
                task[i] = answers.Tasks[a];
                worker[i] = answers.Workers[a];
                label[i] = answers.AnswerLabels[a];
            }

            var set = AnswerSet.FromColumns([.. answers.TaskIds], [.. answers.WorkerIds], [.. answers.Labels], task, worker, label);
            var keptGold = goldPerTask is null ? null : GoldLabels.FromPerTask(goldPerTask, answers.ClassCount);
            var result = FraudAnalysis.Run(set, context?.Select(kept), keptGold, detectors, options);
            var waiting = 0;
            for (var w = 0; w < answers.WorkerCount; w++)
            {
                if (!measured[w] || !double.IsNaN(flaggedAfter[w]) || totalBad[w] == 0)
                {
                    continue;
                }

                if (result.Scores.WorkerFlagged[w])
                {
                    flaggedAfter[w] = Math.Min(budget, totalBad[w]);
                }
                else
                {
                    waiting++;
                }
            }

            progress?.Report($"budget {c + 1}/{budgets.Count}: {budget:N0} bad answers per adversary, {waiting} not yet flagged");
            if (waiting == 0)
            {
                break;
            }
        }

        return kind.Select((k, w) => (Kind: k, Count: double.IsNaN(flaggedAfter[w]) ? double.PositiveInfinity : flaggedAfter[w]))
            .Where((x, w) => measured[w] && totalBad[w] > 0)
            .GroupBy(x => x.Kind!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Median([.. g.Select(x => x.Count)]), StringComparer.Ordinal);
    }

    private static double Median(double[] values)
    {
        Array.Sort(values);
        var mid = values.Length / 2;
        return values.Length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
