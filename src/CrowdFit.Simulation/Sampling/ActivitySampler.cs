using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace CrowdFit.Simulation.Sampling;

/// <summary>
/// Draws workers with probability proportional to their activity, in O(1) per draw, through Walker's alias
/// table built by Vose's method (Vose 1991, "A linear algorithm for generating random numbers with a given
/// distribution").
/// </summary>
internal sealed class ActivitySampler
{
    // Redrawing on a repeat is cheap unless a handful of workers hold most of the activity; after this many
    // repeats in a row an exact draw over the workers not yet picked is cheaper.
    private const int MaxRejections = 32;

    private readonly double[] _weight;
    private readonly ulong[] _threshold;
    private readonly int[] _alias;

    public ActivitySampler(ReadOnlySpan<double> weights)
    {
        Debug.Assert(weights.Length > 0);
        var n = weights.Length;
        _weight = weights.ToArray();
        _threshold = new ulong[n];
        _alias = new int[n];
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }

        var scaled = new double[n];
        var small = new Stack<int>();
        var large = new Stack<int>();
        for (var i = 0; i < n; i++)
        {
            scaled[i] = weights[i] * n / total;
            (scaled[i] < 1 ? small : large).Push(i);
        }

        while (small.Count > 0 && large.Count > 0)
        {
            var s = small.Pop();
            var l = large.Pop();
            _threshold[s] = ToThreshold(scaled[s]);
            _alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1;
            (scaled[l] < 1 ? small : large).Push(l);
        }

        // Whatever is left holds a full column up to rounding.
        foreach (var i in large.Concat(small))
        {
            _threshold[i] = ulong.MaxValue;
            _alias[i] = i;
        }
    }

    /// <summary>One worker, drawn with probability proportional to activity.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Next(ref Xoshiro256 rng)
    {
        // The high word of the product picks a column; the low word is a fresh uniform fraction within it.
        var column = (int)Math.BigMul(rng.NextUInt64(), (ulong)_alias.Length, out var fraction);
        var alias = _alias[column];

        // Both outcomes are loaded first so the choice compiles to a conditional move, not a coin-flip branch.
        return fraction < _threshold[column] ? column : alias;
    }

    /// <summary>
    /// Fills <paramref name="picked"/> with distinct workers by successive sampling: each slot is drawn in
    /// proportion to activity among the workers not yet picked.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void NextDistinct(ref Xoshiro256 rng, Span<int> picked)
    {
        Debug.Assert(picked.Length <= _weight.Length);
        for (var slot = 0; slot < picked.Length; slot++)
        {
            var before = picked[..slot];
            var worker = Next(ref rng);
            for (var miss = 1; IsIn(before, worker); miss++)
            {
                worker = miss < MaxRejections ? Next(ref rng) : NextExcluding(rng.NextDouble(), before);
            }

            picked[slot] = worker;
        }
    }

    // Takes the uniform draw rather than the generator: a by-ref generator here would keep the generator of
    // the hot path in memory instead of registers.
    private int NextExcluding(double uniform, ReadOnlySpan<int> excluded)
    {
        var remaining = 0.0;
        for (var i = 0; i < _weight.Length; i++)
        {
            remaining += excluded.Contains(i) ? 0 : _weight[i];
        }

        var target = uniform * remaining;
        var last = -1;
        for (var i = 0; i < _weight.Length; i++)
        {
            if (excluded.Contains(i))
            {
                continue;
            }

            last = i;
            target -= _weight[i];
            if (target < 0)
            {
                return i;
            }
        }

        return last;
    }

    // A plain loop: tasks have few answers, and the vectorised Contains costs more than it saves on them.
    private static bool IsIn(ReadOnlySpan<int> picked, int worker)
    {
        foreach (var p in picked)
        {
            if (p == worker)
            {
                return true;
            }
        }

        return false;
    }

    private static ulong ToThreshold(double probability)
        => probability >= 1 ? ulong.MaxValue : (ulong)(probability * 18446744073709551616.0);
}
