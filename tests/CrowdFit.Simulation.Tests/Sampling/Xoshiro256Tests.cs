using CrowdFit.Simulation.Sampling;

namespace CrowdFit.Simulation.Tests.Sampling;

public sealed class Xoshiro256Tests
{
    [Fact]
    public void NextUInt64_ReferenceState_MatchesReferenceImplementation()
    {
        var rng = Xoshiro256.FromState(1, 2, 3, 4);

        ulong[] outputs = [rng.NextUInt64(), rng.NextUInt64(), rng.NextUInt64(), rng.NextUInt64()];

        Assert.Equal([11520UL, 0UL, 1509978240UL, 1215971899390074240UL], outputs);
    }

    [Fact]
    public void SplitMix64_ZeroState_MatchesReferenceImplementation()
    {
        var first = Xoshiro256.SplitMix64(0);
        var second = Xoshiro256.SplitMix64(0x9E3779B97F4A7C15UL);

        Assert.Equal(0xE220A8397B1DCDAFUL, first);
        Assert.Equal(0x6E789E6AA1B965F4UL, second);
    }

    [Fact]
    public void Constructor_SameSeedAndStream_GivesSameSequence()
    {
        var a = new Xoshiro256(7, 3);
        var b = new Xoshiro256(7, 3);
        var c = new Xoshiro256(7, 4);

        var first = a.NextUInt64();

        Assert.Equal(first, b.NextUInt64());
        Assert.NotEqual(first, c.NextUInt64());
    }

    [Fact]
    public void NextDouble_ManyDraws_AreUniformOnUnitInterval()
    {
        var rng = new Xoshiro256(1, 0);
        var sum = 0.0;
        var min = 1.0;
        var max = 0.0;

        for (var i = 0; i < 100_000; i++)
        {
            var u = rng.NextDouble();
            sum += u;
            min = Math.Min(min, u);
            max = Math.Max(max, u);
        }

        Assert.Equal(0.5, sum / 100_000, 0.005);
        Assert.InRange(min, 0, 0.001);
        Assert.InRange(max, 0.999, 1 - 1e-17);
    }

    [Fact]
    public void NextInt_ManyDraws_CoverRangeEvenly()
    {
        var rng = new Xoshiro256(2, 0);
        var counts = new int[7];

        for (var i = 0; i < 70_000; i++)
        {
            counts[rng.NextInt(7)]++;
        }

        Assert.All(counts, c => Assert.InRange(c, 9_600, 10_400));
    }
}
