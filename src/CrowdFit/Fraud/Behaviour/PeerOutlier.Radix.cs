using System.Runtime.CompilerServices;

namespace CrowdFit.Fraud.Behaviour;

public sealed partial class PeerOutlier
{
    private const int RadixBuckets = 1 << 16;

    /// <summary>Sorts keys ascending: least significant 16 bits first, then the most significant.</summary>
    /// <param name="keys">The keys, sorted in place.</param>
    /// <param name="scratch">At least as long as <paramref name="keys"/>.</param>
    /// <param name="counts">2 × 65,536 counters, overwritten.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RadixSort(Span<uint> keys, Span<uint> scratch, int[] counts)
    {
        RadixOffsets(keys, counts);
        for (var digit = 0; digit < 2; digit++)
        {
            Span<uint> from = digit == 0 ? keys : scratch[..keys.Length];
            Span<uint> to = digit == 0 ? scratch[..keys.Length] : keys;
            var offset = digit * RadixBuckets;
            var shift = digit * 16;
            foreach (var key in from)
            {
                to[counts[offset + (int)((key >> shift) & 0xFFFF)]++] = key;
            }
        }
    }

    /// <summary>Sorts keys ascending as <see cref="RadixSort(Span{uint}, Span{uint}, int[])"/> does, carrying <paramref name="items"/> along.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RadixSort(Span<uint> keys, Span<int> items, uint[] keyScratch, int[] itemScratch)
    {
        var counts = new int[2 * RadixBuckets];
        RadixOffsets(keys, counts);
        for (var digit = 0; digit < 2; digit++)
        {
            Span<uint> fromKeys = digit == 0 ? keys : keyScratch.AsSpan(0, keys.Length);
            Span<int> fromItems = digit == 0 ? items : itemScratch.AsSpan(0, keys.Length);
            Span<uint> toKeys = digit == 0 ? keyScratch.AsSpan(0, keys.Length) : keys;
            Span<int> toItems = digit == 0 ? itemScratch.AsSpan(0, keys.Length) : items;
            var offset = digit * RadixBuckets;
            var shift = digit * 16;
            for (var i = 0; i < fromKeys.Length; i++)
            {
                var slot = counts[offset + (int)((fromKeys[i] >> shift) & 0xFFFF)]++;
                toKeys[slot] = fromKeys[i];
                toItems[slot] = fromItems[i];
            }
        }
    }

    /// <summary>
    /// Fills <paramref name="counts"/> with the starting slot of every bucket of both 16-bit digits: a histogram of
    /// each digit, then its exclusive prefix sums.
    /// </summary>
    private static void RadixOffsets(ReadOnlySpan<uint> keys, int[] counts)
    {
        Array.Clear(counts, 0, 2 * RadixBuckets);
        foreach (var key in keys)
        {
            counts[key & 0xFFFF]++;
            counts[RadixBuckets + (int)(key >> 16)]++;
        }

        for (var offset = 0; offset < 2 * RadixBuckets; offset += RadixBuckets)
        {
            var sum = 0;
            for (var b = 0; b < RadixBuckets; b++)
            {
                var c = counts[offset + b];
                counts[offset + b] = sum;
                sum += c;
            }
        }
    }
}
