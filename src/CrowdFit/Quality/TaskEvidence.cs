namespace CrowdFit.Quality;

/// <summary>
/// The arithmetic of one task's evidence: posteriors from per-worker confusion matrices, the expected error
/// after one more answer, and how many agreeing answers a task still needs.
/// </summary>
/// <remarks>
/// A confusion matrix is row-major K×K: entry <c>[truth * K + observed]</c> is the probability that the
/// worker answers <c>observed</c> when the truth is <c>truth</c>; rows sum to one. A task's evidence is kept
/// as unnormalised log probabilities: the log class prior plus, for each counted answer, the log of the
/// answering worker's confusion column for the label given (answers are independent given the truth, as in
/// Dawid–Skene and IBCC). Nothing here allocates.
/// </remarks>
public static class TaskEvidence
{
    /// <summary>Turns log evidence into a posterior that sums to one.</summary>
    /// <param name="log">Unnormalised log probabilities, one per class.</param>
    /// <param name="posterior">Receives the posterior; same length.</param>
    public static void Normalize(ReadOnlySpan<double> log, Span<double> posterior)
    {
        var max = double.NegativeInfinity;
        foreach (var v in log)
        {
            max = Math.Max(max, v);
        }

        var sum = 0.0;
        for (var k = 0; k < log.Length; k++)
        {
            posterior[k] = Math.Exp(log[k] - max);
            sum += posterior[k];
        }

        for (var k = 0; k < log.Length; k++)
        {
            posterior[k] /= sum;
        }
    }

    /// <summary>Adds one answer to a task's log evidence.</summary>
    /// <param name="log">The task's log evidence, updated in place.</param>
    /// <param name="logConfusion">The answering worker's confusion matrix, as logarithms.</param>
    /// <param name="label">The label given.</param>
    public static void Add(Span<double> log, ReadOnlySpan<double> logConfusion, int label)
    {
        var k = log.Length;
        for (var y = 0; y < k; y++)
        {
            log[y] += logConfusion[(y * k) + label];
        }
    }

    /// <summary>Index of the largest entry (the lowest index on ties).</summary>
    public static int Leader(ReadOnlySpan<double> values)
    {
        var best = 0;
        for (var k = 1; k < values.Length; k++)
        {
            if (values[k] > values[best])
            {
                best = k;
            }
        }

        return best;
    }

    /// <summary>
    /// Expected posterior error (one minus the leading probability) after one more answer from a worker with
    /// the given confusion matrix, averaged over the answers that worker may give.
    /// </summary>
    /// <param name="posterior">The task's current posterior.</param>
    /// <param name="confusion">The next worker's confusion matrix (probabilities).</param>
    public static double ExpectedErrorAfter(ReadOnlySpan<double> posterior, ReadOnlySpan<double> confusion)
    {
        // E[1 - max_y p(y | l)] = 1 - Σ_l max_y p(y) c[y, l]: the normaliser P(l) cancels.
        var k = posterior.Length;
        var kept = 0.0;
        for (var l = 0; l < k; l++)
        {
            var best = 0.0;
            for (var y = 0; y < k; y++)
            {
                best = Math.Max(best, posterior[y] * confusion[(y * k) + l]);
            }

            kept += best;
        }

        return Math.Max(0, 1 - kept);
    }

    /// <summary>
    /// Expected information (in nats) one more answer from a worker with the given confusion matrix gives
    /// about the task's true label: the entropy of the posterior now minus its expected entropy after.
    /// </summary>
    /// <remarks>
    /// Unlike the expected drop in error, which is zero whenever no single answer could change the leading
    /// label, this is positive for every informative worker and grows with what the task still lacks, so it
    /// ranks workers for any task.
    /// </remarks>
    /// <param name="posterior">The task's current posterior.</param>
    /// <param name="confusion">The next worker's confusion matrix (probabilities).</param>
    public static double InformationGain(ReadOnlySpan<double> posterior, ReadOnlySpan<double> confusion)
    {
        // I(Y; L) = Σ_y Σ_l p(y) c[y,l] log(c[y,l] / P(l)), with P(l) = Σ_y p(y) c[y,l].
        var k = posterior.Length;
        var gain = 0.0;
        for (var l = 0; l < k; l++)
        {
            var marginal = 0.0;
            for (var y = 0; y < k; y++)
            {
                marginal += posterior[y] * confusion[(y * k) + l];
            }

            if (marginal <= 0)
            {
                continue;
            }

            for (var y = 0; y < k; y++)
            {
                var joint = posterior[y] * confusion[(y * k) + l];
                gain += joint > 0 ? joint * Math.Log(confusion[(y * k) + l] / marginal) : 0;
            }
        }

        return Math.Max(0, gain);
    }

    /// <summary>
    /// Probability that one more answer from a worker with the given confusion matrix settles the task: that
    /// the posterior error after it is at most <paramref name="limit"/>.
    /// </summary>
    /// <param name="posterior">The task's current posterior.</param>
    /// <param name="confusion">The next worker's confusion matrix (probabilities).</param>
    /// <param name="limit">The error at which the task is accepted.</param>
    public static double SettleProbability(ReadOnlySpan<double> posterior, ReadOnlySpan<double> confusion, double limit)
    {
        var k = posterior.Length;
        var settle = 0.0;
        for (var l = 0; l < k; l++)
        {
            var marginal = 0.0;
            var best = 0.0;
            for (var y = 0; y < k; y++)
            {
                var joint = posterior[y] * confusion[(y * k) + l];
                marginal += joint;
                best = Math.Max(best, joint);
            }

            settle += marginal > 0 && 1 - (best / marginal) <= limit ? marginal : 0;
        }

        return settle;
    }

    /// <summary>
    /// The fewest further answers, all agreeing with the leading label, that bring the task's error to at
    /// most <paramref name="limit"/> when they come from workers with the given confusion matrix; the answer
    /// the task needs at best. Returns <paramref name="max"/> + 1 when even <paramref name="max"/> answers
    /// would not be enough.
    /// </summary>
    /// <param name="log">The task's log evidence.</param>
    /// <param name="logConfusion">The typical next worker's confusion matrix, as logarithms.</param>
    /// <param name="limit">The error to reach.</param>
    /// <param name="max">The most further answers allowed.</param>
    public static int AgreeingNeeded(ReadOnlySpan<double> log, ReadOnlySpan<double> logConfusion, double limit, int max)
    {
        var k = log.Length;
        var leader = Leader(log);
        Span<double> current = stackalloc double[k];
        log.CopyTo(current);
        for (var more = 0; more <= max; more++)
        {
            if (more > 0)
            {
                Add(current, logConfusion, leader);
            }

            // Error of the (original) leader: 1 - p(leader) = Σ_{y≠leader} p(y).
            var rest = 0.0;
            for (var y = 0; y < k; y++)
            {
                rest += y == leader ? 0 : Math.Exp(current[y] - current[leader]);
            }

            if (rest / (1 + rest) <= limit)
            {
                return more;
            }
        }

        return max + 1;
    }

    /// <summary>
    /// Writes a symmetric confusion matrix: <paramref name="accuracy"/> on the diagonal and the rest spread
    /// evenly over the other labels.
    /// </summary>
    /// <param name="accuracy">Probability of the right label, in (0, 1).</param>
    /// <param name="confusion">Receives K×K entries.</param>
    /// <param name="classes">K.</param>
    public static void Symmetric(double accuracy, Span<double> confusion, int classes)
    {
        var off = (1 - accuracy) / (classes - 1);
        for (var y = 0; y < classes; y++)
        {
            for (var l = 0; l < classes; l++)
            {
                confusion[(y * classes) + l] = y == l ? accuracy : off;
            }
        }
    }

    /// <summary>Writes the natural logarithm of each entry.</summary>
    public static void Log(ReadOnlySpan<double> values, Span<double> logs)
    {
        for (var i = 0; i < values.Length; i++)
        {
            logs[i] = Math.Log(values[i]);
        }
    }
}
