using System.Runtime.CompilerServices;

namespace CrowdFit.Fraud.Rings;

/// <summary>
/// Counts, for one worker at a time, what it shares with every higher-numbered worker: a dense accumulator
/// over partners with a list of the partners touched, so that finding all co-answering pairs costs one visit
/// per pair of answers on a task and no hashing.
/// </summary>
/// <remarks>
/// For a pair answering a task, the posterior of the task with both their votes divided out (the confusion
/// model multiplies the posterior by each worker's confusion column) says what the other answers and gold
/// think; its most probable class decides whether a shared label is wrong. Under the null of two workers
/// answering independently given the true class, the chance of agreeing is Σ_k p(k) Σ_l C_i[k,l] C_j[k,l],
/// and of agreeing on a label other than that class m is the same less Σ_k p(k) C_i[k,m] C_j[k,m].
/// </remarks>
internal sealed class PairCounter
{
    private readonly int _classes;
    private readonly double _floor;
    private readonly double _near;
    private readonly double _sync;
    private readonly int[] _shared;
    private readonly int[] _agree;
    private readonly int[] _coWrong;
    private readonly int[] _nearCount;
    private readonly int[] _syncCount;
    private readonly double[] _expectedAgree;
    private readonly double[] _expectedWrong;
    private readonly int[] _touched;
    private readonly double[] _post;
    private int _touchedCount;

    public PairCounter(int workers, int classes, RingDetectorOptions options)
    {
        _classes = classes;
        _floor = options.ConfusionFloor;
        _near = options.NearSeconds;
        _sync = options.SyncSeconds;
        _shared = new int[workers];
        _agree = new int[workers];
        _coWrong = new int[workers];
        _nearCount = new int[workers];
        _syncCount = new int[workers];
        _expectedAgree = new double[workers];
        _expectedWrong = new double[workers];
        _touched = new int[workers];
        _post = new double[classes];
    }

    /// <summary>
    /// Counts everything worker <paramref name="worker"/> shares with higher-numbered workers, adds pairs
    /// with at least <paramref name="minShared"/> shared tasks to <paramref name="found"/> (by partner), and
    /// returns the totals over all its pairs.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public PairTotals Count(WorkLog log, ReadOnlySpan<double> confusion, int worker, int minShared, List<PairEvidence> found)
    {
        var answers = log.Answers;
        var starts = answers.TaskStarts;
        var tasks = answers.Tasks;
        var workers = answers.Workers;
        var labels = answers.AnswerLabels;
        var submitted = log.Submitted;
        var posteriors = log.Truth.Posteriors;
        var k = _classes;
        var post = _post.AsSpan();
        var mine = confusion.Slice(worker * k * k, k * k);
        foreach (var a in log.Timeline(worker))
        {
            var task = tasks[a];
            var prior = posteriors.Slice(task * k, k);
            var label = labels[a];
            var time = submitted[a];
            for (var b = starts[task]; b < starts[task + 1]; b++)
            {
                var partner = workers[b];
                if (partner <= worker)
                {
                    continue;
                }

                var theirs = confusion.Slice(partner * k * k, k * k);
                var other = labels[b];
                var favourite = LeavePairOut(prior, mine, theirs, label, other, post, out var sum);
                if (_shared[partner]++ == 0)
                {
                    _touched[_touchedCount++] = partner;
                }

                // Chance of agreeing, and of agreeing on a label other than the one the other answers favour.
                double agreeChance = 0, agreeOnFavourite = 0;
                for (var c = 0; c < k; c++)
                {
                    var row = c * k;
                    var dot = 0.0;
                    for (var l = 0; l < k; l++)
                    {
                        dot += mine[row + l] * theirs[row + l];
                    }

                    agreeChance += post[c] * dot;
                    agreeOnFavourite += post[c] * mine[row + favourite] * theirs[row + favourite];
                }

                _expectedAgree[partner] += agreeChance / sum;
                _expectedWrong[partner] += (agreeChance - agreeOnFavourite) / sum;
                if (label == other)
                {
                    _agree[partner]++;
                    _coWrong[partner] += label != favourite ? 1 : 0;
                }

                var gap = Math.Abs(time - submitted[b]);
                if (gap <= _near)
                {
                    _nearCount[partner]++;
                    _syncCount[partner] += gap <= _sync ? 1 : 0;
                }
            }
        }

        return Harvest(worker, minShared, found);
    }

    /// <summary>
    /// Writes the task posterior with the two votes divided out into <paramref name="post"/> (unnormalised,
    /// total in <paramref name="sum"/>) and returns its most probable class (the first on ties).
    /// </summary>
    internal int LeavePairOut(ReadOnlySpan<double> prior, ReadOnlySpan<double> mine, ReadOnlySpan<double> theirs, int label, int other, Span<double> post, out double sum)
    {
        var k = prior.Length;
        sum = 0;
        var best = 0;
        for (var c = 0; c < k; c++)
        {
            var v = prior[c] / (Math.Max(_floor, mine[(c * k) + label]) * Math.Max(_floor, theirs[(c * k) + other]));
            post[c] = v;
            sum += v;
            best = v > post[best] ? c : best;
        }

        if (!(sum > 0 && double.IsFinite(sum)))
        {
            prior.CopyTo(post);
            sum = 1;
            best = 0;
            for (var c = 1; c < k; c++)
            {
                best = post[c] > post[best] ? c : best;
            }
        }

        return best;
    }

    private PairTotals Harvest(int worker, int minShared, List<PairEvidence> found)
    {
        var syncShare = _sync / _near;
        var totals = default(PairTotals);
        var touched = _touched.AsSpan(0, _touchedCount);
        touched.Sort();
        foreach (var j in touched)
        {
            var pair = new PairEvidence(worker, j, _shared[j], _agree[j], _coWrong[j], _nearCount[j], _syncCount[j], _expectedAgree[j], _expectedWrong[j]);
            totals = totals.Plus(PairTotals.Of(pair, syncShare));
            if (pair.Shared >= minShared)
            {
                found.Add(pair);
            }

            _shared[j] = _agree[j] = _coWrong[j] = _nearCount[j] = _syncCount[j] = 0;
            _expectedAgree[j] = _expectedWrong[j] = 0;
        }

        _touchedCount = 0;
        return totals;
    }
}
