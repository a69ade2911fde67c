using System.Runtime.CompilerServices;
using CrowdFit.Answers;

namespace CrowdFit.Fraud.Rings;

/// <summary>
/// Counts, for one worker at a time, what it shares with every higher-numbered worker: a dense accumulator
/// over partners with a list of the partners touched, so that finding all co-answering pairs costs one visit
/// per pair of answers on a task and no hashing.
/// </summary>
/// <remarks>
/// For a pair answering a task, the posterior of the task from the class prior and the <em>other</em> answers
/// alone (each through its worker's confusion matrix), or the gold label where the task has one, says what
/// the rest of the crowd thinks; its most probable class decides whether a shared label is wrong. It is built
/// from the product of the others' confusion columns rather than by dividing the pair's columns out of the
/// truth method's posterior: a posterior that is not exactly that product (variational estimates, clamping)
/// turns into nonsense when divided by small probabilities. Under the null of two workers
/// answering independently given the true class, the chance of agreeing is Σ_k p(k) Σ_l C_i[k,l] C_j[k,l],
/// and of agreeing on a label other than that class m is the same less Σ_k p(k) C_i[k,m] C_j[k,m].
/// </remarks>
internal sealed class PairCounter
{
    private readonly int _classes;
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
    public PairTotals Count(WorkLog log, ReadOnlySpan<double> confusion, VoteLogs voteLogs, int worker, int minShared, List<PairEvidence> found)
    {
        var answers = log.Answers;
        var starts = answers.TaskStarts;
        var tasks = answers.Tasks;
        var workers = answers.Workers;
        var labels = answers.AnswerLabels;
        var submitted = log.Submitted;
        var gold = log.Gold.PerTask;
        var k = _classes;
        var post = _post.AsSpan();
        var mine = confusion.Slice(worker * k * k, k * k);
        foreach (var a in log.Timeline(worker))
        {
            var task = tasks[a];
            var label = labels[a];
            var truth = gold[task];
            var full = voteLogs.TaskScore(task);
            var mineLogs = voteLogs.Column(worker, label);
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
                var favourite = truth == GoldLabels.None ? LeavePairOut(full, mineLogs, voteLogs.Column(partner, other), post) : Certain(truth, post);
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

                _expectedAgree[partner] += agreeChance;
                _expectedWrong[partner] += agreeChance - agreeOnFavourite;
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
    /// Writes the task posterior without the pair's two votes into <paramref name="post"/> (normalised), from
    /// the task's log score over every answer less the pair's own log columns (see <see cref="VoteLogs"/>), and
    /// returns its most probable class (the first on ties).
    /// </summary>
    internal static int LeavePairOut(ReadOnlySpan<double> full, ReadOnlySpan<double> mine, ReadOnlySpan<double> theirs, Span<double> post)
    {
        var k = full.Length;
        var best = 0;
        for (var c = 0; c < k; c++)
        {
            post[c] = full[c] - mine[c] - theirs[c];
            best = post[c] > post[best] ? c : best;
        }

        var top = post[best];
        var sum = 0.0;
        for (var c = 0; c < k; c++)
        {
            post[c] = Math.Exp(post[c] - top);
            sum += post[c];
        }

        for (var c = 0; c < k; c++)
        {
            post[c] /= sum;
        }

        return best;
    }

    /// <summary>Writes certainty on the gold label into <paramref name="post"/> and returns it.</summary>
    private static int Certain(int truth, Span<double> post)
    {
        post.Clear();
        post[truth] = 1;
        return truth;
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
