using CrowdFit.Fraud.Behaviour;
using CrowdFit.Fraud.Time;

namespace CrowdFit.Tests.Fraud.Time;

public sealed class StudentTailTests
{
    [Theory]
    [InlineData(8)]
    [InlineData(3)]
    public void Upper_Grid_MatchesExactTailWithin1e4Relative(double degrees)
    {
        var table = StudentTail.For(degrees);

        for (var t = -20.0; t <= 60; t += 0.0371)
        {
            var exact = Tails.StudentUpper(t, degrees);
            Assert.True(Math.Abs(table.Upper(t) - exact) <= 1e-4 * exact, $"t {t}: {table.Upper(t):g6} vs {exact:g6}");
        }

        Assert.Equal(1, table.Upper(double.NaN));
    }

    [Fact]
    public void Fit_MoreValuesThanTheSample_CentreAndScaleCloseToTheFullOnes()
    {
        var rng = new Random(5);
        var values = new double[300_000];
        var types = new int[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            types[i] = i % 2;
            values[i] = (types[i] * 3) + (Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble()));
        }

        var norm = DurationNorm.Fit(values, types, 2, 3, 0.05, 30);

        // A normal sample: centre 0 and 3, scale 1 after trimming at 3 scales (the MAD of the trimmed normal is a little smaller).
        Assert.Equal(0, norm.Center(0), 0.02);
        Assert.Equal(3, norm.Center(1), 0.02);
        Assert.InRange(norm.Scale(0), 0.93, 1.03);
        Assert.InRange(norm.Scale(1), 0.93, 1.03);
    }
}
