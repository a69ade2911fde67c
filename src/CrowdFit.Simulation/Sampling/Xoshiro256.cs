using System.Numerics;
using System.Runtime.CompilerServices;

namespace CrowdFit.Simulation.Sampling;

/// <summary>
/// The xoshiro256** generator (Blackman &amp; Vigna 2018), seeded through SplitMix64. Written here rather than
/// taken from <see cref="System.Random"/> so that a seed names the same stream on every runtime version.
/// </summary>
/// <remarks>A mutable struct: pass it by <see langword="ref"/>, never by value, or draws are repeated.</remarks>
internal struct Xoshiro256
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>
    /// A generator for sub-stream <paramref name="stream"/> of <paramref name="seed"/>. Streams of one seed
    /// are independent for practical purposes, so each task can own one and be generated in any order.
    /// </summary>
    public Xoshiro256(ulong seed, ulong stream)
    {
        var state = SplitMix64(seed) ^ (stream * 0xD1B54A32D192ED03UL);
        _s0 = NextSplitMix64(ref state);
        _s1 = NextSplitMix64(ref state);
        _s2 = NextSplitMix64(ref state);
        _s3 = NextSplitMix64(ref state);
    }

    /// <summary>A generator in the given raw state, which must not be all zero; for checking against reference outputs.</summary>
    internal static Xoshiro256 FromState(ulong s0, ulong s1, ulong s2, ulong s3)
        => new() { _s0 = s0, _s1 = s1, _s2 = s2, _s3 = s3 };

    /// <summary>The next 64 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform double in (0, 1): never zero, so its logarithm is finite.</summary>
    public double NextOpenDouble() => ((NextUInt64() >> 12) + 0.5) * (1.0 / (1UL << 52));

    /// <summary>A uniform integer in [0, <paramref name="n"/>) by Lemire's multiply-shift (bias below n / 2^64).</summary>
    public int NextInt(int n) => (int)Math.BigMul(NextUInt64(), (ulong)n, out _);

    /// <summary>One SplitMix64 output for <paramref name="x"/>: a strong 64-bit mix, also used as a hash.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong SplitMix64(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    private static ulong NextSplitMix64(ref ulong state)
    {
        var result = SplitMix64(state);
        state += 0x9E3779B97F4A7C15UL;
        return result;
    }
}
