using CrowdFit.Answers;
using CrowdFit.Fraud;

namespace CrowdFit.Simulation.RedTeam;

/// <summary>
/// How many bad answers an adversary gives before it is flagged: the log is replayed in submit-time order and
/// analysed at checkpoints, as a platform that runs the analysis now and then would.
/// </summary>
/// <remarks>
/// At each checkpoint the analysis sees only the answers submitted so far. The checkpoints are spaced
/// geometrically, from <see cref="FirstShare"/> of the log (at least <see cref="FirstAnswers"/> answers) to the
/// whole log, so that the early answers, where delays are decided, are looked at closely and the replay costs
/// a few passes over the log whatever the number of checkpoints. A worker's count is the number of its bad
/// answers (per the truth) in the first prefix where it is flagged; a worker never flagged counts as
/// infinitely late. The count is an upper bound on the delay of a continuous check, off by at most the
/// worker's answers between two checkpoints.
/// </remarks>
public static class AnswersToFlag
{
    /// <summary>Share of the log the first checkpoint sees.</summary>
    public const double FirstShare = 1.0 / 400;

    /// <summary>Fewest answers the first checkpoint sees.</summary>
    public const int FirstAnswers = 100;

    /// <summary>The prefix lengths of the checkpoints for a log of <paramref name="answers"/> answers: geometric, the last the whole log.</summary>
    /// <param name="answers">Answers in the log.</param>
    /// <param name="checkpoints">Number of checkpoints.</param>
    /// <returns>Strictly increasing lengths ending at <paramref name="answers"/>.</returns>
    public static IReadOnlyList<int> Lengths(int answers, int checkpoints)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(checkpoints, 1);
        var first = Math.Min(answers, Math.Max(FirstAnswers, answers * FirstShare));
        List<int> lengths = [];
        for (var c = 1; c <= checkpoints; c++)
        {
            var exponent = checkpoints == 1 ? 0 : (double)(checkpoints - c) / (checkpoints - 1);
            var length = c == checkpoints ? answers : (int)Math.Round(answers * Math.Pow(first / Math.Max(1, answers), exponent));
            if (length > 0 && (lengths.Count == 0 || length > lengths[^1]))
            {
                lengths.Add(length);
            }
        }

        return lengths;
    }

    /// <summary>Measures the median count per adversary kind.</summary>
    /// <param name="answers">The whole log's answers.</param>
    /// <param name="context">Its context (submit times give the replay order; source order when absent).</param>
    /// <param name="gold">Gold labels of the whole log, or null.</param>
    /// <param name="detectors">The detectors.</param>
    /// <param name="options">Analysis settings.</param>
    /// <param name="truth">The known truth.</param>
    /// <param name="checkpoints">Number of checkpoints (the last is the whole log).</param>
    /// <param name="progress">Receives one line per checkpoint; may be null.</param>
    /// <returns>Per adversary kind present, the median count (positive infinity when most were never flagged).</returns>
    public static IReadOnlyDictionary<string, double> Measure(
        AnswerSet answers,
        AnswerContext? context,
        GoldLabels? gold,
        IReadOnlyList<IFraudDetector> detectors,
        FraudAnalysisOptions options,
        RedTeamTruth truth,
        int checkpoints = 16,
        IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentOutOfRangeException.ThrowIfLessThan(checkpoints, 1);
        var n = answers.Count;

        // Source-row columns, so that a prefix of rows can be rebuilt with its context.
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
        var isBad = new bool[n];
        for (var a = 0; a < n; a++)
        {
            isBad[a] = truth.AnswerOf(answers.TaskIds[answers.Tasks[a]], answers.WorkerIds[answers.Workers[a]]) is { Bad: true };
        }

        var flaggedAfter = new double[answers.WorkerCount];
        Array.Fill(flaggedAfter, double.NaN);
        var goldPerTask = gold?.PerTask.ToArray();
        var lengths = Lengths(order.Length, checkpoints);
        for (var c = 1; c <= lengths.Count; c++)
        {
            var length = lengths[c - 1];
            var prefix = order.AsSpan(0, length);
            var task = new int[length];
            var worker = new int[length];
            var label = new int[length];
            for (var i = 0; i < length; i++)
            {
                var a = rowAnswer[prefix[i]];
                task[i] = answers.Tasks[a];
                worker[i] = answers.Workers[a];
                label[i] = answers.AnswerLabels[a];
            }

            var set = AnswerSet.FromColumns([.. answers.TaskIds], [.. answers.WorkerIds], [.. answers.Labels], task, worker, label);
            var prefixGold = goldPerTask is null ? null : GoldLabels.FromPerTask(goldPerTask, answers.ClassCount);
            var result = FraudAnalysis.Run(set, context?.Select(prefix), prefixGold, detectors, options);
            var badSoFar = new int[answers.WorkerCount];
            for (var i = 0; i < length; i++)
            {
                var a = rowAnswer[prefix[i]];
                badSoFar[answers.Workers[a]] += isBad[a] ? 1 : 0;
            }

            var waiting = 0;
            for (var w = 0; w < answers.WorkerCount; w++)
            {
                if (kind[w] is null or RedTeamTruth.HonestKind || !double.IsNaN(flaggedAfter[w]))
                {
                    continue;
                }

                if (result.Scores.WorkerFlagged[w] && badSoFar[w] > 0)
                {
                    flaggedAfter[w] = badSoFar[w];
                }
                else
                {
                    waiting++;
                }
            }

            progress?.Report($"checkpoint {c}/{lengths.Count}: {length:N0} answers, {waiting} adversaries not yet flagged");
            if (waiting == 0)
            {
                break;
            }
        }

        return kind.Select((k, w) => (Kind: k, Count: double.IsNaN(flaggedAfter[w]) ? double.PositiveInfinity : flaggedAfter[w]))
            .Where(x => x.Kind is not null and not RedTeamTruth.HonestKind)
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
