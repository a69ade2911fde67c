using CrowdFit.Operations;

namespace CrowdFit.Tests.Operations;

public sealed class CohortTailTests
{
    [Theory]
    [InlineData(4, 2, 2, 1, 5.0 / 6)]
    [InlineData(4, 2, 2, 2, 1.0 / 6)]
    [InlineData(10, 3, 4, 2, 1.0 / 3)]
    [InlineData(10, 3, 4, 3, 1.0 / 30)]
    [InlineData(10, 3, 4, 0, 1)]
    [InlineData(10, 3, 4, 4, 0)]
    [InlineData(10, 8, 5, 3, 1)]
    public void StratifiedUpperTail_OneStratum_MatchesTheHypergeometricTail(int workers, int flagged, int drawn, int observed, double expected)
    {
        // 10 workers, 3 flagged, 4 drawn: P(X = 2) = C(3,2)·C(7,2)/C(10,4) = 63/210, P(X = 3) = 7/210.
        // 10 workers, 8 flagged, 5 drawn: at least 3 flagged are always drawn.
        var tail = CohortAudit.StratifiedUpperTail([workers], [flagged], [drawn], observed, maxExact: 100, new double[2 * (drawn + 1)]);

        Assert.Equal(expected, tail, 12);
    }

    [Fact]
    public void StratifiedUpperTail_TwoStrata_ConvolvesThem()
    {
        // Stratum 1: 4 workers, 2 flagged, 2 drawn → P(0, 1, 2) = 1/6, 4/6, 1/6.
        // Stratum 2: 3 workers, 3 flagged, 1 drawn → always 1. Stratum 3: nothing drawn.
        // P(X ≥ 2) = P(first ≥ 1) = 5/6; P(X ≥ 3) = 1/6.
        var scratch = new double[8];

        var atLeastTwo = CohortAudit.StratifiedUpperTail([4, 3, 5], [2, 3, 1], [2, 1, 0], 2, maxExact: 100, scratch);
        var atLeastThree = CohortAudit.StratifiedUpperTail([4, 3, 5], [2, 3, 1], [2, 1, 0], 3, maxExact: 100, scratch);

        Assert.Equal(5.0 / 6, atLeastTwo, 12);
        Assert.Equal(1.0 / 6, atLeastThree, 12);
    }

    [Fact]
    public void StratifiedUpperTail_LargeCohort_NormalApproximationCloseToExact()
    {
        int[] workers = [3000, 3000, 3000, 3000, 3000];
        int[] flagged = [150, 300, 450, 600, 900];
        int[] drawn = [400, 400, 400, 400, 400];
        var scratch = new double[2 * 2001];

        // Mean 320, standard deviation about 15.
        foreach (var observed in new[] { 300, 320, 340, 360 })
        {
            var exact = CohortAudit.StratifiedUpperTail(workers, flagged, drawn, observed, maxExact: 2000, scratch);
            var normal = CohortAudit.StratifiedUpperTail(workers, flagged, drawn, observed, maxExact: 1999, scratch);

            Assert.InRange(normal, exact - 0.01, exact + 0.01);
            Assert.InRange(exact, 1e-6, 1 - 1e-6);
        }
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0.157299207050285)]
    [InlineData(-1, 1.842700792949715)]
    [InlineData(2.5, 4.069520174449590e-4)]
    public void Erfc_KnownValues_WithinTheFitsError(double x, double expected)
    {
        var value = CrowdFit.Fraud.Behaviour.Tails.Erfc(x);

        Assert.Equal(expected, value, expected * 2e-7);
    }
}
