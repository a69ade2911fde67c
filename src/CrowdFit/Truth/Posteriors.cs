using System.Runtime.CompilerServices;
using CrowdFit.Answers;

namespace CrowdFit.Truth;

/// <summary>Kernels shared by the truth methods: vote counting, gold clamping, normalisation.</summary>
internal static class Posteriors
{
    /// <summary>Writes each task's share of votes per class (uniform for a task with no answers).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void VoteShares(AnswerSet answers, Span<double> posterior)
    {
        var k = answers.ClassCount;
        var starts = answers.TaskStarts;
        var labels = answers.AnswerLabels;
        posterior.Clear();
        for (var t = 0; t < answers.TaskCount; t++)
        {
            var row = posterior.Slice(t * k, k);
            var n = starts[t + 1] - starts[t];
            if (n == 0)
            {
                row.Fill(1.0 / k);
                continue;
            }

            for (var a = starts[t]; a < starts[t + 1]; a++)
            {
                row[labels[a]] += 1;
            }

            var inv = 1.0 / n;
            for (var c = 0; c < k; c++)
            {
                row[c] *= inv;
            }
        }
    }

    /// <summary>Replaces the posterior of every gold task by a point mass on its gold class.</summary>
    public static void ClampGold(GoldLabels? gold, Span<double> posterior, int classCount)
    {
        if (gold is null || gold.Count == 0)
        {
            return;
        }

        var perTask = gold.PerTask;
        for (var t = 0; t < perTask.Length; t++)
        {
            if (perTask[t] != GoldLabels.None)
            {
                var row = posterior.Slice(t * classCount, classCount);
                row.Clear();
                row[perTask[t]] = 1;
            }
        }
    }

    /// <summary>Turns a row of natural-log scores into probabilities in place (softmax with max shift).</summary>
    /// <returns>The log normaliser ln Σ exp(score).</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double SoftMaxInPlace(Span<double> row)
    {
        var max = double.NegativeInfinity;
        foreach (var v in row)
        {
            max = v > max ? v : max;
        }

        var sum = 0.0;
        for (var c = 0; c < row.Length; c++)
        {
            var e = Math.Exp(row[c] - max);
            row[c] = e;
            sum += e;
        }

        var inv = 1 / sum;
        for (var c = 0; c < row.Length; c++)
        {
            row[c] *= inv;
        }

        return max + Math.Log(sum);
    }

    /// <summary>Mean posterior per class: the estimated class proportions.</summary>
    public static double[] ClassShares(ReadOnlySpan<double> posterior, int taskCount, int classCount)
    {
        var shares = new double[classCount];
        for (var t = 0; t < taskCount; t++)
        {
            for (var c = 0; c < classCount; c++)
            {
                shares[c] += posterior[(t * classCount) + c];
            }
        }

        for (var c = 0; c < classCount; c++)
        {
            shares[c] = taskCount == 0 ? 1.0 / classCount : shares[c] / taskCount;
        }

        return shares;
    }

    /// <summary>Writes ln(max(p, floor)) of each class proportion, so that an empty class never yields −∞.</summary>
    public static void FlooredLogs(ReadOnlySpan<double> prior, double floor, Span<double> logPrior)
    {
        for (var c = 0; c < prior.Length; c++)
        {
            logPrior[c] = Math.Log(Math.Max(prior[c], floor));
        }
    }

    /// <summary>Largest absolute difference between two posteriors of the same shape.</summary>
    public static double MaxChange(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var max = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            max = Math.Max(max, Math.Abs(a[i] - b[i]));
        }

        return max;
    }
}
