using System.Buffers;
using System.Runtime.CompilerServices;

namespace CrowdFit.Fraud.Behaviour;

public sealed partial class PeerOutlier
{
    /// <summary>
    /// The normal vector of every feature: per feature, the whole log's norm (group -1) then one per group, the
    /// whole log's standing in for groups with too few answers. Feature–group pairs are estimated in parallel.
    /// </summary>
    private PeerNorm[][] GroupNorms(double[] raw, int d, PeerGroups members, sbyte[] decision, string[] specs, BehaviourFeatures features)
    {
        var groups = members.Count;
        var kept = new int[groups];
        for (var g = 0; g < groups; g++)
        {
            foreach (var a in members.Answers(g))
            {
                kept[g] += decision[a] != Confirmed ? 1 : 0;
            }
        }

        var byGroup = new PeerNorm[d][];
        for (var j = 0; j < d; j++)
        {
            byGroup[j] = new PeerNorm[groups + 1];
        }

        // Item j · (groups + 1) is feature j's whole-log norm; the next ones are its groups' own. One scratch per
        // thread, each as long as the log, so the threads take items in a fixed stride.
        var n = decision.Length;
        var items = d * (groups + 1);
        var threads = Math.Max(1, Math.Min(items, Environment.ProcessorCount));
        Parallel.For(0, threads, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (thread) =>
        {
            var scratch = new NormScratch(n);
            for (var item = thread; item < items; item += threads)
            {
                var j = item / (groups + 1);
                var g = (item % (groups + 1)) - 1;
                var feature = new NormFeature(raw, d, j, features, specs[j]);
                if (g < 0)
                {
                    byGroup[j][0] = Norm(feature, null, decision, -1, scratch);
                }
                else if (kept[g] >= _options.MinGroupAnswers)
                {
                    byGroup[j][g + 1] = Norm(feature, members.Answers(g).ToArray(), decision, g, scratch);
                }
            }

            scratch.Return();
        });

        for (var j = 0; j < d; j++)
        {
            for (var g = 0; g < groups; g++)
            {
                byGroup[j][g + 1] ??= byGroup[j][0] with { Group = g };
            }
        }

        return byGroup;
    }

    /// <summary>
    /// The two-pass norm of a feature over some answers, all of them when null (see the class remarks). The values
    /// are sorted once, so both passes read their median and MAD off the sorted values; a group holding cleared
    /// answers, which the trim never drops, selects each pass's values afresh.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private PeerNorm Norm(NormFeature feature, int[]? answers, sbyte[] decision, int group, NormScratch scratch)
    {
        var (raw, d, j) = (feature.Raw, feature.Width, feature.Index);
        var ordered = scratch.Values;
        var keys = scratch.Keys;
        var count = 0;
        var cleared = false;
        var total = answers?.Length ?? decision.Length;
        for (var i = 0; i < total; i++)
        {
            var a = answers is null ? i : answers[i];
            var x = raw[(a * d) + j];
            if (decision[a] != Confirmed && double.IsFinite(x))
            {
                cleared |= decision[a] == Clear;
                ordered[count] = x;
                keys[count++] = Key(feature.Features[a, feature.Column]);
            }
        }

        if (count == 0)
        {
            return new PeerNorm(group, feature.Name, double.NaN, double.NaN, 0);
        }

        if (cleared)
        {
            return NormBySelection(feature, answers, decision, group, scratch);
        }

        var sorted = scratch.Selection.AsSpan(0, count);
        SortTransformed(keys.AsSpan(0, count), scratch.KeyScratch, scratch.Counts, feature.Kind, ordered.AsSpan(0, count), sorted);
        var (location, scale) = SortedSpread(sorted, ordered.AsSpan(0, count), double.NaN, double.PositiveInfinity);
        if (scale > 0)
        {
            var limit = _options.TrimDistance * scale;
            var first = location;
            int lo = 0, hi = count;
            while (lo < hi && !(Math.Abs(sorted[lo] - first) <= limit))
            {
                lo++;
            }

            while (hi > lo && !(Math.Abs(sorted[hi - 1] - first) <= limit))
            {
                hi--;
            }

            (location, scale) = SortedSpread(sorted[lo..hi], ordered.AsSpan(0, count), first, limit);
            count = hi - lo;
        }

        return new PeerNorm(group, feature.Name, location, scale, count);
    }

    /// <summary>
    /// <see cref="Spread"/> of sorted values. When the MAD is 0 the mean absolute deviation is taken over
    /// <paramref name="ordered"/> (the same values in answer order, the sum's order) within <paramref name="limit"/>
    /// of <paramref name="center"/>, or over all of them when the center is NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (double Location, double Scale) SortedSpread(ReadOnlySpan<double> sorted, ReadOnlySpan<double> ordered, double center, double limit)
    {
        var (location, mad) = SortedMedianMad(sorted);
        var scale = Robust.MadToSigma * mad;
        if (!(scale > 1e-12))
        {
            var sum = 0.0;
            foreach (var v in ordered)
            {
                if (double.IsNaN(center) || Math.Abs(v - center) <= limit)
                {
                    sum += Math.Abs(v - location);
                }
            }

            var mean = sum / sorted.Length;
            scale = mean > 1e-12 ? 1.2533 * mean : double.NaN;
        }

        return (location, scale);
    }

    /// <summary>The two-pass norm by selecting each pass's values from the answers, for groups with cleared answers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private PeerNorm NormBySelection(NormFeature feature, int[]? answers, sbyte[] decision, int group, NormScratch scratch)
    {
        var (raw, d, j) = (feature.Raw, feature.Width, feature.Index);
        var values = scratch.Values;
        var count = 0;
        var total = answers?.Length ?? decision.Length;
        for (var i = 0; i < total; i++)
        {
            var a = answers is null ? i : answers[i];
            var x = raw[(a * d) + j];
            if (decision[a] != Confirmed && double.IsFinite(x))
            {
                values[count++] = x;
            }
        }

        var (location, scale) = Spread(values.AsSpan(0, count), scratch.Selection);
        if (scale > 0)
        {
            var limit = _options.TrimDistance * scale;
            var first = location;
            count = 0;
            for (var i = 0; i < total; i++)
            {
                var a = answers is null ? i : answers[i];
                var x = raw[(a * d) + j];
                if (decision[a] != Confirmed && double.IsFinite(x) && (decision[a] == Clear || Math.Abs(x - first) <= limit))
                {
                    values[count++] = x;
                }
            }

            (location, scale) = Spread(values.AsSpan(0, count), scratch.Selection);
        }

        return new PeerNorm(group, feature.Name, location, scale, count);
    }

    /// <summary>
    /// Median and robust scale: 1.4826·MAD, or 1.2533 · mean absolute deviation when the MAD is 0, or NaN when the
    /// values do not vary. <paramref name="selection"/> is scratch at least as long as the values.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (double Location, double Scale) Spread(ReadOnlySpan<double> values, double[] selection)
    {
        var copy = selection.AsSpan(0, values.Length);
        values.CopyTo(copy);
        var location = Robust.Median(copy);
        var scale = Robust.MadToSigma * Robust.Mad(copy, location);
        if (!(scale > 1e-12))
        {
            var sum = 0.0;
            foreach (var v in values)
            {
                sum += Math.Abs(v - location);
            }

            var mean = sum / values.Length;
            scale = mean > 1e-12 ? 1.2533 * mean : double.NaN;
        }

        return (location, scale);
    }

    /// <summary>
    /// Conformal p-values of the statistics within each peer group, confirmed fraud left out of the reference. The
    /// statistics are at least 0, so their bits sort as they do; a p-value depends only on the statistic, so the
    /// order among ties does not matter.
    /// </summary>
    private static double[] Conformal(float[] statistic, PeerGroups members, sbyte[] decision)
    {
        var p = new double[statistic.Length];
        Parallel.For(0, members.Count, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (g) =>
        {
            var answers = members.Answers(g);

            // Sort the group by statistic; walking up, the reference values below each one are those already passed.
            var size = answers.Length;
            var keys = ArrayPool<uint>.Shared.Rent(Math.Max(1, size));
            var order = ArrayPool<int>.Shared.Rent(Math.Max(1, size));
            var keyScratch = ArrayPool<uint>.Shared.Rent(Math.Max(1, size));
            var orderScratch = ArrayPool<int>.Shared.Rent(Math.Max(1, size));
            var reference = 0;
            for (var i = 0; i < size; i++)
            {
                var a = answers[i];
                order[i] = a;
                keys[i] = BitConverter.SingleToUInt32Bits(statistic[a]);
                reference += decision[a] != Confirmed ? 1 : 0;
            }

            RadixSort(keys.AsSpan(0, size), order.AsSpan(0, size), keyScratch, orderScratch);
            var below = 0;
            for (var i = 0; i < size;)
            {
                var end = i;
                var tied = 0;
                while (end < size && keys[end] == keys[i])
                {
                    tied += decision[order[end]] != Confirmed ? 1 : 0;
                    end++;
                }

                var value = (1.0 + reference - below) / (1.0 + reference);
                for (; i < end; i++)
                {
                    p[order[i]] = value;
                }

                below += tied;
            }

            ArrayPool<uint>.Shared.Return(keys);
            ArrayPool<int>.Shared.Return(order);
            ArrayPool<uint>.Shared.Return(keyScratch);
            ArrayPool<int>.Shared.Return(orderScratch);
        });
        return p;
    }

    /// <summary>
    /// The scratch of one thread's norms: the values kept and a copy to select in, each at least as long as the log,
    /// rented from the shared pools until <see cref="Return"/>.
    /// </summary>
    private sealed class NormScratch(int answers)
    {
        public double[] Values { get; } = ArrayPool<double>.Shared.Rent(Math.Max(1, answers));

        public double[] Selection { get; } = ArrayPool<double>.Shared.Rent(Math.Max(1, answers));

        public uint[] Keys { get; } = ArrayPool<uint>.Shared.Rent(Math.Max(1, answers));

        public uint[] KeyScratch { get; } = ArrayPool<uint>.Shared.Rent(Math.Max(1, answers));

        public int[] Counts { get; } = new int[2 << 16];

        /// <summary>Gives the arrays back to the pools; the scratch must not be used afterwards.</summary>
        public void Return()
        {
            ArrayPool<double>.Shared.Return(Values);
            ArrayPool<double>.Shared.Return(Selection);
            ArrayPool<uint>.Shared.Return(Keys);
            ArrayPool<uint>.Shared.Return(KeyScratch);
        }
    }

    /// <summary>One historical feature as the norms read it: transformed values (answer-major, <paramref name="Width"/> per answer), and the float column they came from.</summary>
    private readonly record struct NormFeature(double[] Raw, int Width, int Index, BehaviourFeatures Features, string Name)
    {
        public int Column { get; } = Features.IndexOf(Name);

        public int Kind { get; } = TransformKind(Name);
    }

    /// <summary>The answers of every peer group, in answer order, laid end to end.</summary>
    private sealed class PeerGroups
    {
        private readonly int[] _start;
        private readonly int[] _answers;

        private PeerGroups(int[] start, int[] answers)
        {
            _start = start;
            _answers = answers;
        }

        /// <summary>Number of groups.</summary>
        public int Count => _start.Length - 1;

        /// <summary>Groups the answers by <paramref name="group"/> (values in [0, <paramref name="groups"/>)), a counting sort.</summary>
        public static PeerGroups Of(int[] group, int groups)
        {
            var start = new int[groups + 1];
            foreach (var g in group)
            {
                start[g + 1]++;
            }

            for (var g = 0; g < groups; g++)
            {
                start[g + 1] += start[g];
            }

            var fill = start[..groups];
            var answers = new int[group.Length];
            for (var a = 0; a < group.Length; a++)
            {
                answers[fill[group[a]]++] = a;
            }

            return new PeerGroups(start, answers);
        }

        /// <summary>The answers of group <paramref name="g"/>, in answer order.</summary>
        public ReadOnlySpan<int> Answers(int g) => _answers.AsSpan(_start[g], _start[g + 1] - _start[g]);

        /// <summary>Number of answers of group <paramref name="g"/>.</summary>
        public int Size(int g) => _start[g + 1] - _start[g];
    }
}
