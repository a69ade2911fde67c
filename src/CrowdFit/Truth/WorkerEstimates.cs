using System.Runtime.CompilerServices;
using CrowdFit.Answers;
using CrowdFit.Numerics;

namespace CrowdFit.Truth;

/// <summary>Builds <see cref="WorkerEstimate"/>s from a posterior, for every method alike.</summary>
public static class WorkerEstimates
{
    /// <summary>Credible mass of the accuracy interval.</summary>
    public const double IntervalMass = 0.95;

    /// <summary>
    /// Computes each worker's expected accuracy, its credible interval and, unless the method supplies its
    /// own, a confusion matrix from expected counts.
    /// </summary>
    /// <param name="answers">The answers.</param>
    /// <param name="posterior">Task-major posterior.</param>
    /// <param name="confusion">
    /// The method's own confusion matrices, worker-major <c>W × K × K</c>, or <see langword="null"/> to estimate
    /// them as expected counts plus <paramref name="smoothing"/> pseudo-counts per cell, normalised per row.
    /// </param>
    /// <param name="smoothing">Pseudo-count added to every confusion cell when estimating from counts.</param>
    /// <remarks>
    /// The accuracy of worker w is the mean over its answers of the posterior probability that the answer is
    /// right; with c that expected number right out of n, the interval is the equal-tailed 95 % interval
    /// of Beta(1 + c, 1 + n − c).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static WorkerEstimate[] Build(AnswerSet answers, ReadOnlySpan<double> posterior, ReadOnlySpan<double> confusion = default, double smoothing = 0.01)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var k = answers.ClassCount;
        var w = answers.WorkerCount;
        var counts = new int[w];
        var correct = new double[w];
        var own = confusion.Length == w * k * k;
        var expected = own ? [] : new double[w * k * k];
        var starts = answers.TaskStarts;
        var workers = answers.Workers;
        var labels = answers.AnswerLabels;
        for (var t = 0; t < answers.TaskCount; t++)
        {
            var row = posterior.Slice(t * k, k);
            for (var a = starts[t]; a < starts[t + 1]; a++)
            {
                var worker = workers[a];
                counts[worker]++;
                correct[worker] += row[labels[a]];
                if (!own)
                {
                    var cell = (worker * k * k) + labels[a];
                    for (var truth = 0; truth < row.Length; truth++)
                    {
                        expected[cell + (truth * k)] += row[truth];
                    }
                }
            }
        }

        // The intervals are independent per worker, and finding one is the costly part.
        var low = new double[w];
        var high = new double[w];
        var tail = (1 - IntervalMass) / 2;
        Parallel.For(0, w, i =>
        {
            var n = counts[i];
            var c = Math.Clamp(correct[i], 0, n);
            low[i] = SpecialFunctions.BetaQuantile(tail, 1 + c, 1 + n - c);
            high[i] = SpecialFunctions.BetaQuantile(1 - tail, 1 + c, 1 + n - c);
        });

        var result = new WorkerEstimate[w];
        for (var i = 0; i < w; i++)
        {
            double[] matrix;
            if (own)
            {
                matrix = confusion.Slice(i * k * k, k * k).ToArray();
            }
            else
            {
                matrix = expected.AsSpan(i * k * k, k * k).ToArray();
                NormaliseRows(matrix, k, smoothing);
            }

            var n = counts[i];
            var accuracy = n == 0 ? double.NaN : Math.Clamp(correct[i], 0, n) / n;
            result[i] = new WorkerEstimate(i, n, accuracy, low[i], high[i], matrix);
        }

        return result;
    }

    private static void NormaliseRows(double[] matrix, int k, double smoothing)
    {
        for (var truth = 0; truth < k; truth++)
        {
            var row = matrix.AsSpan(truth * k, k);
            var sum = 0.0;
            for (var l = 0; l < k; l++)
            {
                row[l] += smoothing;
                sum += row[l];
            }

            for (var l = 0; l < k; l++)
            {
                row[l] /= sum;
            }
        }
    }
}
