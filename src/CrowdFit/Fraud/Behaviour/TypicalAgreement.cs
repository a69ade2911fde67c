namespace CrowdFit.Fraud.Behaviour;

/// <summary>
/// Agreement measured against what a typical worker of the log would reach on the same tasks, so that a worker
/// is not judged by the company it happened to keep.
/// </summary>
/// <remarks>
/// <para>
/// An answer's leave-self-out probability of being right, q = p₋(l), depends as much on the other answers of
/// its task as on the worker: beside two careful answers an honest answer scores near 1, beside two spammers'
/// near the class prior, whoever gave it. Workers who happen to share many tasks with careless accounts (the
/// same hours, the same queue) therefore show a lower mean q than their peers although they are as good, and a
/// homogeneous, careful crowd turns that small difference into many standard deviations.
/// </para>
/// <para>
/// A typical worker labels a task right with chance κ and otherwise draws a label from the class prior π. Its
/// expected q on a task whose leave-self-out posterior is p₋ is E = κ·Σₖ p₋(k)² + (1 − κ)·Σₖ π(k)·p₋(k): the
/// informative part Σ p₋² where the others agree on a class, the chance part π·p₋ where they say nothing. The
/// residual q − E is 0 on average for a typical worker on any task, whoever else answered; a careless worker
/// falls below 0 by κ·(Σ p₋² − π·p₋), the more the more the others say, and not at all on tasks where they
/// say nothing.
/// </para>
/// <para>
/// κ is the log's own: per worker, the chance-corrected agreement Σ(q − π·p₋) / Σ(Σ p₋² − π·p₋) over its
/// answers, and κ is the median of that over workers whose answers carry at least
/// <see cref="MinInformation"/> of information (the denominator) — a median, so a minority of careless
/// accounts does not lower the typical worker. With no such worker κ is 1 − 1/K.
/// </para>
/// </remarks>
internal static class TypicalAgreement
{
    /// <summary>Least summed information (Σ p₋² − π·p₋ over a worker's answers) for a worker to enter the typical κ.</summary>
    public const double MinInformation = 5;

    /// <summary>
    /// Replaces every <paramref name="q"/> (the leave-self-out probability of being right, per answer position) by
    /// its residual against a typical worker of the log; returns the typical chance-corrected agreement κ used.
    /// </summary>
    public static double ToResiduals(WorkLog log, double[] q) => ToResiduals(log, q, null);

    /// <summary>
    /// As <see cref="ToResiduals(WorkLog, double[])"/>, also writing each answer's information Σ p₋² − π·p₋ (how much
    /// the other answers say about its task beyond the prior) into <paramref name="information"/> when given.
    /// </summary>
    public static double ToResiduals(WorkLog log, double[] q, double[]? information)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(q);
        var answers = log.Answers;
        var k = answers.ClassCount;
        var n = answers.Count;
        if (q.Length != n)
        {
            throw new ArgumentException($"Expected {n} probabilities, got {q.Length}.", nameof(q));
        }

        var informative = new double[n];
        var chance = new double[n];
        var prior = log.Truth.ClassPrior.ToArray();
        var chunks = Math.Max(1, Math.Min(answers.TaskCount, Environment.ProcessorCount * 4));
        Parallel.For(0, chunks, chunk =>
        {
            Span<double> scratch = stackalloc double[k];
            var from = (int)((long)answers.TaskCount * chunk / chunks);
            var to = (int)((long)answers.TaskCount * (chunk + 1) / chunks);
            for (var a = answers.TaskStart(from); a < answers.TaskStart(to); a++)
            {
                LeaveSelfOut.Posterior(log, a, scratch);
                double squares = 0, expected = 0;
                for (var c = 0; c < k; c++)
                {
                    squares += scratch[c] * scratch[c];
                    expected += prior[c] * scratch[c];
                }

                informative[a] = squares;
                chance[a] = expected;
            }
        });

        var kappa = Typical(log, q, informative, chance);
        for (var a = 0; a < n; a++)
        {
            q[a] -= (kappa * informative[a]) + ((1 - kappa) * chance[a]);
            if (information is not null)
            {
                information[a] = informative[a] - chance[a];
            }
        }

        return kappa;
    }

    /// <summary>
    /// Per worker, whether its answers are clearly informative: its chance-corrected agreement κ_w = κ + r̄ / ī
    /// (r̄ the mean residual, ī the mean information of its answers) exceeds half the typical κ by more than
    /// <paramref name="z"/> standard errors of r̄ / ī. Such a worker is weaker or stronger than its peers, but its
    /// answers are not chance-level, which spam is.
    /// </summary>
    public static bool[] ClearlyInformative(WorkLog log, ReadOnlySpan<double> residual, ReadOnlySpan<double> information, double kappa, double z)
    {
        ArgumentNullException.ThrowIfNull(log);
        var answers = log.Answers;
        var workers = answers.WorkerCount;
        var count = new int[workers];
        var sum = new double[workers];
        var square = new double[workers];
        var info = new double[workers];
        for (var a = 0; a < answers.Count; a++)
        {
            var w = answers.Workers[a];
            count[w]++;
            sum[w] += residual[a];
            square[w] += residual[a] * residual[a];
            info[w] += information[a];
        }

        var result = new bool[workers];
        for (var w = 0; w < workers; w++)
        {
            if (count[w] < 2 || !(info[w] > 0))
            {
                continue;
            }

            var mean = sum[w] / count[w];
            var variance = Math.Max(0, (square[w] - (count[w] * mean * mean)) / (count[w] - 1));
            var error = Math.Sqrt(variance / count[w]);
            var meanInfo = info[w] / count[w];
            result[w] = mean + (0.5 * kappa * meanInfo) > z * error;
        }

        return result;
    }

    /// <summary>The median over sufficiently informed workers of their chance-corrected agreement.</summary>
    private static double Typical(WorkLog log, double[] q, double[] informative, double[] chance)
    {
        var answers = log.Answers;
        var workers = answers.WorkerCount;
        var above = new double[workers];
        var room = new double[workers];
        for (var a = 0; a < answers.Count; a++)
        {
            var w = answers.Workers[a];
            above[w] += q[a] - chance[a];
            room[w] += informative[a] - chance[a];
        }

        var kappas = new List<double>(workers);
        for (var w = 0; w < workers; w++)
        {
            if (room[w] >= MinInformation)
            {
                kappas.Add(Math.Clamp(above[w] / room[w], 0, 1));
            }
        }

        if (kappas.Count == 0)
        {
            return 1 - (1.0 / answers.ClassCount);
        }

        kappas.Sort();
        var middle = kappas.Count / 2;
        return kappas.Count % 2 == 1 ? kappas[middle] : (kappas[middle - 1] + kappas[middle]) / 2;
    }
}
