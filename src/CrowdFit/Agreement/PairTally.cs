using CrowdFit.Answers;

namespace CrowdFit.Agreement;

/// <summary>
/// The counts both agreement coefficients are built from, gathered in one pass over the answers: for every
/// task with at least two included answers, its agreeing answer pairs; per class, the included answers on
/// those tasks.
/// </summary>
/// <param name="Tasks">Tasks with at least two included answers (the tasks used).</param>
/// <param name="Answers">Included answers on the tasks used.</param>
/// <param name="SumPairShare">
/// Σ_i Σ_j n_ij(n_ij − 1) / (n_i(n_i − 1)) over the tasks used: the sum of Fleiss' per-item agreement P_i.
/// </param>
/// <param name="SumCoincidence">
/// Σ_i Σ_j n_ij(n_ij − 1) / (n_i − 1) over the tasks used: Σ_c o_cc, the trace of Krippendorff's
/// coincidence matrix.
/// </param>
/// <param name="SumSquaredTotals">Σ_j n_j², where n_j is the number of answers of class j on the tasks used.</param>
/// <param name="MaxTotal">The largest n_j; equal to <paramref name="Answers"/> when all are one class.</param>
internal readonly record struct PairTally(int Tasks, int Answers, double SumPairShare, double SumCoincidence, long SumSquaredTotals, int MaxTotal)
{
    /// <summary>Class counts up to this size live on the stack.</summary>
    public const int StackClasses = 256;

    /// <summary>True when every answer used is of one class, so neither coefficient is defined.</summary>
    public bool SingleClass => Tasks > 0 && MaxTotal == Answers;

    /// <summary>
    /// Counts <paramref name="answers"/> (only those whose <paramref name="include"/> entry is true, or all of
    /// them when <paramref name="include"/> is empty) and writes n_j into <paramref name="totals"/>.
    /// Runs in O(answers + classes) and allocates only when there are more than 256 classes.
    /// </summary>
    public static PairTally Count(AnswerSet answers, ReadOnlySpan<bool> include, Span<int> totals)
    {
        var classes = answers.ClassCount;
        totals = totals[..classes];
        totals.Clear();
        Span<int> counts = classes <= StackClasses ? stackalloc int[StackClasses] : new int[classes];
        counts = counts[..classes];
        counts.Clear();

        var all = include.IsEmpty;
        var starts = answers.TaskStarts;
        var labels = answers.AnswerLabels;
        var tasks = 0;
        var used = 0;
        var sumPairShare = 0.0;
        var sumCoincidence = 0.0;
        for (var t = 0; t < answers.TaskCount; t++)
        {
            int start = starts[t], end = starts[t + 1];
            long pairs = 0;
            var n = 0;
            for (var a = start; a < end; a++)
            {
                if (all || include[a])
                {
                    // Each new answer agrees with every earlier answer of its class on the task.
                    ref var c = ref counts[labels[a]];
                    pairs += c;
                    c++;
                    n++;
                }
            }

            var usedTask = n >= 2;
            for (var a = start; a < end; a++)
            {
                if (all || include[a])
                {
                    var l = labels[a];
                    counts[l] = 0;
                    totals[l] += usedTask ? 1 : 0;
                }
            }

            if (usedTask)
            {
                var agreeing = 2.0 * pairs;
                tasks++;
                used += n;
                sumPairShare += agreeing / ((double)n * (n - 1));
                sumCoincidence += agreeing / (n - 1);
            }
        }

        long sumSquared = 0;
        var max = 0;
        foreach (var total in totals)
        {
            sumSquared += (long)total * total;
            max = Math.Max(max, total);
        }

        return new PairTally(tasks, used, sumPairShare, sumCoincidence, sumSquared, max);
    }

    /// <summary>Checks that a subset mask has one entry per answer.</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static void CheckInclude(AnswerSet answers, ReadOnlySpan<bool> include)
    {
        if (include.Length != answers.Count)
        {
            throw new ArgumentException($"Expected one include entry per answer ({answers.Count}); got {include.Length}.", nameof(include));
        }
    }
}
