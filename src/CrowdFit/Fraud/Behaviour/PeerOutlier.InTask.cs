using System.Buffers;
using System.Runtime.CompilerServices;

namespace CrowdFit.Fraud.Behaviour;

public sealed partial class PeerOutlier
{
    /// <summary>Tasks with more answers than this sort their values on the heap instead of the stack.</summary>
    private const int StackTaskAnswers = 64;

    /// <summary>
    /// The in-task variant: per answer, its ln-duration (when timed) and its agreement against the median of the
    /// other answers of the task, in robust units of that difference over the log; 0 for tasks with fewer than
    /// three answers. The z arrays are rented from the shared pool (they may be longer than the log).
    /// </summary>
    private List<(string Column, float[] Z)> InTask(WorkLog log, BehaviourFeatures features, sbyte[] decision)
    {
        var names = new[] { BehaviourColumns.LogSeconds, BehaviourColumns.Agreement }.Where(c => features.IndexOf(c) >= 0).ToArray();
        var result = new (string, float[])[names.Length];
        Parallel.For(0, names.Length, i => result[i] = (names[i], InTask(log.Answers, features, features.IndexOf(names[i]), decision)));
        return [.. result];
    }

    /// <summary>The in-task z of one column for every answer.</summary>
    private float[] InTask(Answers.AnswerSet answers, BehaviourFeatures features, int column, sbyte[] decision)
    {
        var n = answers.Count;
        var difference = ArrayPool<double>.Shared.Rent(Math.Max(1, n));
        var tasks = answers.TaskCount;
        var chunks = Math.Max(1, Math.Min(tasks / 4096, Environment.ProcessorCount * 4));
        Parallel.For(0, chunks, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (chunk) =>
        {
            Span<double> stackValues = stackalloc double[StackTaskAnswers];
            Span<int> stackAnswers = stackalloc int[StackTaskAnswers];
            var from = (int)((long)tasks * chunk / chunks);
            var to = (int)((long)tasks * (chunk + 1) / chunks);
            for (var t = from; t < to; t++)
            {
                var first = answers.TaskStart(t);
                var size = answers.TaskStart(t + 1) - first;
                var values = size <= StackTaskAnswers ? stackValues[..size] : new double[size];
                var owners = size <= StackTaskAnswers ? stackAnswers[..size] : new int[size];
                var count = 0;
                for (var a = first; a < first + size; a++)
                {
                    var x = features[a, column];
                    difference[a] = double.NaN;
                    if (float.IsFinite(x))
                    {
                        values[count] = x;
                        owners[count++] = a;
                    }
                }

                if (count < 3)
                {
                    continue;
                }

                values = values[..count];
                owners = owners[..count];
                values.Sort(owners);
                for (var r = 0; r < count; r++)
                {
                    difference[owners[r]] = values[r] - MedianWithout(values, r);
                }
            }
        });

        var scale = DifferenceScale(difference, decision);
        var z = ArrayPool<float>.Shared.Rent(Math.Max(1, n));
        var clip = _options.ClipDistance;
        AnswerRanges(n, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (from, to) =>
        {
            for (var a = from; a < to; a++)
            {
                z[a] = (float)Standard(difference[a], 0, scale, clip);
            }
        });
        ArrayPool<double>.Shared.Return(difference);
        return z;
    }

    /// <summary>
    /// The robust scale of the in-task differences, symmetrised about 0 (each difference counted as +|d| and −|d|):
    /// 1.4826 · the median |d|, or 1.2533 · the mean |d| when that is 0; NaN without differences or when all are 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double DifferenceScale(double[] difference, sbyte[] decision)
    {
        var magnitude = ArrayPool<double>.Shared.Rent(Math.Max(1, decision.Length));
        var count = 0;
        for (var a = 0; a < decision.Length; a++)
        {
            if (double.IsFinite(difference[a]) && decision[a] != Confirmed)
            {
                magnitude[count++] = Math.Abs(difference[a]);
            }
        }

        if (count == 0)
        {
            ArrayPool<double>.Shared.Return(magnitude);
            return double.NaN;
        }

        // The symmetrised values have median 0 and the same median absolute value as the differences.
        var sum = 0.0;
        for (var pass = 0; pass < 2; pass++)
        {
            for (var i = 0; i < count; i++)
            {
                sum += magnitude[i];
            }
        }

        var scale = Robust.MadToSigma * Robust.Median(magnitude.AsSpan(0, count));
        ArrayPool<double>.Shared.Return(magnitude);
        if (!(scale > 1e-12))
        {
            var mean = sum / (2.0 * count);
            scale = mean > 1e-12 ? 1.2533 * mean : double.NaN;
        }

        return scale;
    }

    /// <summary>The median of sorted values without the one at rank <paramref name="skip"/>.</summary>
    private static double MedianWithout(ReadOnlySpan<double> sorted, int skip)
    {
        var m = sorted.Length - 1;
        var upper = sorted[m / 2 < skip ? m / 2 : (m / 2) + 1];
        if (m % 2 == 1)
        {
            return upper;
        }

        var i = (m / 2) - 1;
        return 0.5 * (sorted[i < skip ? i : i + 1] + upper);
    }
}
