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
    public static WorkerEstimate[] Build(AnswerSet answers, ReadOnlySpan<double> posterior, ReadOnlySpan<double> confusion = default, double smoothing = 0.01)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var k = answers.ClassCount;
        var w = answers.WorkerCount;
        var counts = new int[w];
        var correct = new double[w];
        var own = confusion.Length == w * k * k;
        var expected = own ? [] : new double[w * k * k];
        var tasks = answers.Tasks;
        var workers = answers.Workers;
        var labels = answers.AnswerLabels;
        for (var a = 0; a < answers.Count; a++)
        {
            var worker = workers[a];
            var row = posterior.Slice(tasks[a] * k, k);
            counts[worker]++;
            correct[worker] += row[labels[a]];
            if (!own)
            {
                var cell = (worker * k * k) + labels[a];
                for (var truth = 0; truth < k; truth++)
                {
                    expected[cell + (truth * k)] += row[truth];
                }
            }
        }

        var result = new WorkerEstimate[w];
        var tail = (1 - IntervalMass) / 2;
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
            var c = Math.Clamp(correct[i], 0, n);
            var accuracy = n == 0 ? double.NaN : c / n;
            result[i] = new WorkerEstimate(
                i,
                n,
                accuracy,
                SpecialFunctions.BetaQuantile(tail, 1 + c, 1 + n - c),
                SpecialFunctions.BetaQuantile(1 - tail, 1 + c, 1 + n - c),
                matrix);
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
