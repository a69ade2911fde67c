using CrowdFit.Simulation.Sampling;

namespace CrowdFit.Simulation.Tests.Sampling;

public sealed class DistributionsTests
{
    private const int Draws = 200_000;

    [Theory]
    [InlineData(0.3)]
    [InlineData(1.0)]
    [InlineData(4.0)]
    [InlineData(25.0)]
    public void Gamma_ManyDraws_MatchShapeMeanAndVariance(double shape)
    {
        var rng = new Xoshiro256(11, 0);
        var (mean, variance) = Moments(Draws, () => Distributions.Gamma(ref rng, shape));

        Assert.Equal(shape, mean, shape * 0.02);
        Assert.Equal(shape, variance, shape * 0.05);
    }

    [Fact]
    public void Beta_FourTwo_HasMeanTwoThirdsAndVarianceOneIn31Point5()
    {
        var rng = new Xoshiro256(12, 0);
        var (mean, variance) = Moments(Draws, () => Distributions.Beta(ref rng, 4, 2));

        Assert.Equal(2.0 / 3, mean, 0.003);
        Assert.Equal(8.0 / 252, variance, 0.001);
    }

    [Fact]
    public void StandardNormal_ManyDraws_HasMeanZeroAndVarianceOne()
    {
        var rng = new Xoshiro256(13, 0);
        var (mean, variance) = Moments(Draws, () => Distributions.StandardNormal(ref rng));

        Assert.Equal(0, mean, 0.01);
        Assert.Equal(1, variance, 0.02);
    }

    [Fact]
    public void LogNormal_SigmaOne_HasMeanSqrtE()
    {
        var rng = new Xoshiro256(14, 0);
        var (mean, _) = Moments(Draws, () => Distributions.LogNormal(ref rng, 0, 1));

        Assert.Equal(Math.Sqrt(Math.E), mean, 0.03);
    }

    [Fact]
    public void Dirichlet_Uniform_SumsToOneWithEqualMeans()
    {
        var rng = new Xoshiro256(15, 0);
        var weights = new double[3];
        var sums = new double[3];

        for (var i = 0; i < 30_000; i++)
        {
            Distributions.Dirichlet(ref rng, 1, weights);
            Assert.Equal(1, weights.Sum(), 12);
            for (var k = 0; k < 3; k++)
            {
                sums[k] += weights[k];
            }
        }

        Assert.All(sums, s => Assert.Equal(1.0 / 3, s / 30_000, 0.01));
    }

    private static (double Mean, double Variance) Moments(int n, Func<double> draw)
    {
        var sum = 0.0;
        var sumSquares = 0.0;
        for (var i = 0; i < n; i++)
        {
            var x = draw();
            sum += x;
            sumSquares += x * x;
        }

        var mean = sum / n;
        return (mean, (sumSquares / n) - (mean * mean));
    }
}
