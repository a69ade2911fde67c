using CrowdFit.Simulation.Sampling;

namespace CrowdFit.Simulation.Tests.Sampling;

public sealed class ActivitySamplerTests
{
    [Fact]
    public void Next_UnequalWeights_DrawsInProportion()
    {
        var sampler = new ActivitySampler([1, 2, 3, 4]);
        var rng = new Xoshiro256(21, 0);
        var counts = new int[4];

        for (var i = 0; i < 100_000; i++)
        {
            counts[sampler.Next(ref rng)]++;
        }

        for (var w = 0; w < 4; w++)
        {
            Assert.Equal((w + 1) / 10.0, counts[w] / 100_000.0, 0.005);
        }
    }

    [Fact]
    public void NextDistinct_TwoOfFour_IncludesEachWorkerAsSuccessiveSamplingPredicts()
    {
        var sampler = new ActivitySampler([1, 2, 3, 4]);
        var rng = new Xoshiro256(22, 0);
        var picked = new int[2];
        var included = 0;

        for (var i = 0; i < 100_000; i++)
        {
            sampler.NextDistinct(ref rng, picked);
            included += picked.Contains(0) ? 1 : 0;
        }

        // P(first) + Σⱼ P(j first) · P(0 second | j first) for weights 1..4.
        var expected = 0.1 + (0.2 / 8) + (0.3 / 7) + (0.4 / 6);
        Assert.Equal(expected, included / 100_000.0, 0.005);
    }

    [Fact]
    public void NextDistinct_OneWorkerDominates_StillPicksDistinctWorkers()
    {
        var sampler = new ActivitySampler([1e9, 1, 1, 1, 1]);
        var rng = new Xoshiro256(23, 0);
        var picked = new int[5];

        for (var i = 0; i < 1_000; i++)
        {
            sampler.NextDistinct(ref rng, picked);

            Assert.Equal([0, 1, 2, 3, 4], picked.Order());
            Assert.Equal(0, picked[0]);
        }
    }
}
