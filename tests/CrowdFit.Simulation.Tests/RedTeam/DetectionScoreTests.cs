using CrowdFit.Simulation.RedTeam;

namespace CrowdFit.Simulation.Tests.RedTeam;

public sealed class DetectionScoreTests
{
    [Fact]
    public void Compute_HandCase_CountsAndRates()
    {
        double[] score = [9, 8, 7, 6, 5, 4];
        bool[] flagged = [true, true, true, false, false, false];
        bool?[] label = [true, false, true, true, false, null];

        var result = DetectionScore.Compute(score, flagged, label);

        Assert.Equal(3, result.Positives);
        Assert.Equal(2, result.Negatives);
        Assert.Equal(2, result.TruePositives);
        Assert.Equal(1, result.FalsePositives);
        Assert.Equal(2.0 / 3, result.Precision, 12);
        Assert.Equal(2.0 / 3, result.Recall, 12);
        Assert.Equal(0.5, result.FalsePositiveRate, 12);
        Assert.Equal(2.0 / 3, result.F2, 12);
        // Precision at each positive: 1/1, 2/3, 3/4, averaged over the three positives.
        Assert.Equal((1 + (2.0 / 3) + 0.75) / 3, result.AveragePrecision, 12);
    }

    [Fact]
    public void Compute_TiedScores_AreOneStep()
    {
        var result = DetectionScore.Compute([1, 1], [false, false], [true, false]);

        Assert.Equal(0.5, result.AveragePrecision, 12);
        Assert.Equal(0, result.F2);
        Assert.True(double.IsNaN(result.Precision));
    }

    [Fact]
    public void Compute_NoPositives_AveragePrecisionIsNaN()
    {
        var result = DetectionScore.Compute([1], [true], [false]);

        Assert.True(double.IsNaN(result.AveragePrecision));
        Assert.True(double.IsNaN(result.Recall));
        Assert.Equal(1, result.FalsePositiveRate);
    }

    [Fact]
    public void Compute_LengthsDiffer_Throws() =>
        Assert.Throws<ArgumentException>(() => DetectionScore.Compute([1], [true, false], [true]));
}
