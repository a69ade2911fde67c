using System.Runtime.CompilerServices;
using CrowdFit.Answers;

namespace CrowdFit.Truth;

/// <summary>
/// A posterior-predictive check of conditional independence: do pairs of workers on the same task agree more
/// often than a fitted model in which answers are independent given the true class predicts?
/// </summary>
/// <remarks>
/// For every pair of answers by two different workers on one task, the predicted chance that they agree is
/// Σ_c q₋(c) Σ_l π_a[c, l] π_b[c, l], where π are the workers' fitted confusion rows and q₋ is the task's
/// posterior with the pair's own two answers divided out (a leave-pair-out posterior, so that a pair does
/// not predict itself; Gelman, Meng and Stern 1996 on posterior-predictive checks). Summed over pairs, the
/// observed agreements O and the predicted E give z = (O − E) / √(Σ e(1 − e)), which is about standard
/// normal when the answers are independent given the class and large when workers share errors. Pairs are
/// treated as independent in the variance, so z is a screening statistic rather than an exact test. It sees
/// shared errors that raise agreement overall; a pattern in which some workers agree too often and others
/// too rarely, so that the two cancel, passes unseen (a per-worker spread of the same quantities caught it,
/// but also fired on a log simulated with independent workers, so it was not used).
/// </remarks>
internal static class PairAgreement
{
    /// <summary>Each answer is paired with at most this many later answers of its task, so a task with very many answers costs linear time.</summary>
    public const int MaxPartners = 64;

    /// <summary>
    /// The standardised excess agreement z of all pairs of answers by different workers on the same task;
    /// 0 when no task has two such answers.
    /// </summary>
    /// <param name="answers">The answers.</param>
    /// <param name="posterior">Task-major class posterior of the fitted model, <c>T × K</c>.</param>
    /// <param name="confusion">The fitted confusion rows, worker-major <c>[worker, truth, observed]</c>, every cell positive.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double ExcessZ(AnswerSet answers, ReadOnlySpan<double> posterior, ReadOnlySpan<double> confusion)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var k = answers.ClassCount;
        var starts = answers.TaskStarts;
        var workers = answers.Workers;
        var labels = answers.AnswerLabels;
        Span<double> left = stackalloc double[k];
        var observed = 0.0;
        var expected = 0.0;
        var variance = 0.0;
        for (var t = 0; t < answers.TaskCount; t++)
        {
            var q = posterior.Slice(t * k, k);
            var end = starts[t + 1];
            for (var a = starts[t]; a < end; a++)
            {
                var rowsA = confusion.Slice(workers[a] * k * k, k * k);
                var last = Math.Min(end, a + 1 + MaxPartners);
                for (var b = a + 1; b < last; b++)
                {
                    if (workers[b] == workers[a])
                    {
                        continue;
                    }

                    var rowsB = confusion.Slice(workers[b] * k * k, k * k);
                    var sum = 0.0;
                    for (var c = 0; c < k; c++)
                    {
                        left[c] = q[c] / (rowsA[(c * k) + labels[a]] * rowsB[(c * k) + labels[b]]);
                        sum += left[c];
                    }

                    if (!(sum > 0 && double.IsFinite(sum)))
                    {
                        continue;
                    }

                    var e = 0.0;
                    for (var c = 0; c < k; c++)
                    {
                        var agree = 0.0;
                        for (var l = 0; l < k; l++)
                        {
                            agree += rowsA[(c * k) + l] * rowsB[(c * k) + l];
                        }

                        e += left[c] * agree;
                    }

                    e /= sum;
                    observed += labels[a] == labels[b] ? 1 : 0;
                    expected += e;
                    variance += e * (1 - e);
                }
            }
        }

        return variance > 0 ? (observed - expected) / Math.Sqrt(variance) : 0;
    }
}
