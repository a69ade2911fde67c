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
internal sealed class CrowdModel
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

    private static SimulatedWorker[] DrawWorkers(DawidSkeneCrowdOptions options, double[] balance)
    {
        var rng = new Xoshiro256(unchecked((ulong)options.Seed), WorkerStream);
        var k = options.Classes;
        var workers = new SimulatedWorker[options.Workers];
        for (var w = 0; w < workers.Length; w++)
        {
            var u = rng.NextDouble();
            var kind = u < options.SpammerShare * options.UniformSpammerShare ? WorkerKind.UniformSpammer
                : u < options.SpammerShare ? WorkerKind.ConstantSpammer
                : WorkerKind.Honest;
            var activity = Distributions.LogNormal(ref rng, 0, options.ActivitySigma);
            var confusion = new double[k * k];
            if (kind == WorkerKind.UniformSpammer)
            {
                Array.Fill(confusion, 1.0 / k);
            }
            else if (kind == WorkerKind.ConstantSpammer)
            {
                var constant = rng.NextInt(k);
                for (var t = 0; t < k; t++)
                {
                    confusion[(t * k) + constant] = 1;
                }
            }
            else
            {
                DrawHonestConfusion(ref rng, options, confusion);
            }

            var accuracy = 0.0;
            for (var t = 0; t < k; t++)
            {
                accuracy += balance[t] * confusion[(t * k) + t];
            }

            workers[w] = new SimulatedWorker(w, kind, accuracy, activity, confusion, k);
        }

        return workers;
    }

    /// <summary>
    /// One diagonal accuracy from the rescaled Beta for every true class; each row's error mass is spread
    /// over the other classes by its own symmetric Dirichlet draw.
    /// </summary>
    private static void DrawHonestConfusion(ref Xoshiro256 rng, DawidSkeneCrowdOptions options, Span<double> confusion)
    {
        var k = options.Classes;
        var beta = Distributions.Beta(ref rng, options.AccuracyAlpha, options.AccuracyBeta);
        var accuracy = options.MinAccuracy + ((options.MaxAccuracy - options.MinAccuracy) * beta);
        var others = new double[k - 1];
        for (var t = 0; t < k; t++)
        {
            Distributions.Dirichlet(ref rng, options.ConfusionConcentration, others);
            var row = confusion.Slice(t * k, k);
            for (var j = 0; j < k; j++)
            {
                row[j] = j == t ? accuracy : (1 - accuracy) * others[j < t ? j : j - 1];
            }
        }
    }

    private static double[] ClassBalance(DawidSkeneCrowdOptions options)
    {
        var balance = new double[options.Classes];
        if (options.ClassBalance is null)
        {
            Array.Fill(balance, 1.0 / balance.Length);
            return balance;
        }

        var total = options.ClassBalance.Sum();
        for (var k = 0; k < balance.Length; k++)
        {
            balance[k] = options.ClassBalance[k] / total;
        }

        return balance;
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
