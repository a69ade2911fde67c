namespace CrowdFit.Fraud.Behaviour;

/// <summary>
/// SplitMix64 (Steele, Lea &amp; Flood 2014): a small generator whose stream is fixed by its seed on every
/// runtime, unlike <see cref="Random"/>.
/// </summary>
/// <remarks>A mutable struct: pass it by <see langword="ref"/>, or draws repeat.</remarks>
internal struct SeededRandom(long seed)
{
    private ulong _state = unchecked((ulong)seed);

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform integer in [0, <paramref name="n"/>).</summary>
    public int NextInt(int n) => (int)Math.BigMul(NextUInt64(), (ulong)n, out _);
}
