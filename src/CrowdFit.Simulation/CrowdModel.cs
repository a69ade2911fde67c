using System.Diagnostics;
using System.Runtime.CompilerServices;
using CrowdFit.Simulation.Sampling;

namespace CrowdFit.Simulation;

/// <summary>
/// The generative story of a Dawid–Skene crowd (Dawid &amp; Skene 1979). Workers are drawn once; then each
/// task draws its true class from the class balance, picks distinct workers in proportion to activity, and
/// each picked worker answers from the row of its confusion matrix for the true class.
/// </summary>
/// <remarks>
/// Workers come from one random stream and every task from its own stream keyed by the task index, so a task
/// is the same whether it is generated in memory or streamed, alone or among more tasks.
/// </remarks>
internal sealed partial class CrowdModel
{
    private const ulong WorkerStream = ulong.MaxValue;

    private readonly int _classCount;
    private readonly ulong _seed;
    private readonly ulong _goldKey;
    private readonly double _goldShare;
    private readonly double[] _classCdf;
    private readonly double[] _answerCdf;
    private readonly ActivitySampler _activity;

    public CrowdModel(DawidSkeneCrowdOptions options)
    {
        _classCount = options.Classes;
        _seed = unchecked((ulong)options.Seed);
        _goldKey = Xoshiro256.SplitMix64(~_seed);
        _goldShare = options.GoldShare;
        var balance = ClassBalance(options);
        _classCdf = new double[_classCount];
        Cdf(balance, _classCdf);
        Workers = DrawWorkers(options, balance);
        _answerCdf = new double[Workers.Length * _classCount * _classCount];
        var activity = new double[Workers.Length];
        foreach (var worker in Workers)
        {
            activity[worker.Index] = worker.Activity;
            var confusion = worker.Confusion.Span;
            for (var k = 0; k < _classCount; k++)
            {
                var row = confusion.Slice(k * _classCount, _classCount);
                Cdf(row, _answerCdf.AsSpan(((worker.Index * _classCount) + k) * _classCount, _classCount));
            }
        }

        _activity = new ActivitySampler(activity);
    }

    /// <summary>The workers, by index.</summary>
    public SimulatedWorker[] Workers { get; }

    /// <summary>
    /// Generates task <paramref name="task"/>: fills <paramref name="workers"/> with distinct workers and
    /// <paramref name="labels"/> with their answers, and returns the true class.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Task(int task, Span<int> workers, Span<int> labels)
    {
        Debug.Assert(workers.Length == labels.Length);
        var rng = new Xoshiro256(_seed, (ulong)task);
        var truth = Draw(_classCdf, ref rng);
        _activity.NextDistinct(ref rng, workers);
        for (var i = 0; i < workers.Length; i++)
        {
            labels[i] = Answer(workers[i], truth, ref rng);
        }

        return truth;
    }

    /// <summary>Whether task <paramref name="task"/> is in the gold sample, decided by a hash of its index alone.</summary>
    public bool IsGold(int task)
        => (Xoshiro256.SplitMix64(_goldKey + (ulong)task) >> 11) * (1.0 / (1UL << 53)) < _goldShare;

    /// <summary>The answer of <paramref name="worker"/> to a task of class <paramref name="truth"/>: a draw from its confusion row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Answer(int worker, int truth, ref Xoshiro256 rng)
    {
        var row = _answerCdf.AsSpan(((worker * _classCount) + truth) * _classCount, _classCount);
        var u = rng.NextDouble();

        // Counting the entries at or below u finds the same class as a scan, without a hard-to-predict exit.
        var label = 0;
        foreach (var c in row)
        {
            label += u >= c ? 1 : 0;
        }

        return label;
    }

    /// <summary>
    /// Cumulative sums with the last positive entry and all after it set to +∞, so a uniform draw in [0, 1)
    /// always lands on an outcome of positive probability despite rounding.
    /// </summary>
    private static void Cdf(ReadOnlySpan<double> probabilities, Span<double> cdf)
    {
        var sum = 0.0;
        var lastPositive = 0;
        for (var i = 0; i < cdf.Length; i++)
        {
            sum += probabilities[i];
            cdf[i] = sum;
            lastPositive = probabilities[i] > 0 ? i : lastPositive;
        }

        cdf[lastPositive..].Fill(double.PositiveInfinity);
    }

    private static int Draw(ReadOnlySpan<double> cdf, ref Xoshiro256 rng)
    {
        var u = rng.NextDouble();
        var i = 0;
        while (u >= cdf[i])
        {
            i++;
        }

        return i;
    }
}
