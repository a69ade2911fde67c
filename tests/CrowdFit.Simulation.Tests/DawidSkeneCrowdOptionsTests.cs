namespace CrowdFit.Simulation.Tests;

public sealed class DawidSkeneCrowdOptionsTests
{
    [Fact]
    public void Problems_Defaults_AreNone()
    {
        var options = DawidSkeneCrowdOptions.Default;

        var problems = options.Problems();

        Assert.Empty(problems);
        Assert.Equal(1_000_000, options.AnswerCount);
    }

    [Fact]
    public void Generate_SeveralBadSettings_ReportsEveryProblemAtOnce()
    {
        var options = new DawidSkeneCrowdOptions
        {
            Tasks = 0,
            AnswersPerTask = 10,
            Workers = 5,
            SpammerShare = 1.5,
            GoldShare = double.NaN,
            AccuracyAlpha = 0,
            MinAccuracy = 0.9,
            MaxAccuracy = 0.5,
            ClassBalance = [1, 2],
        };

        var error = Assert.Throws<ArgumentException>(() => DawidSkeneCrowd.Generate(options));

        Assert.Equal("options", error.ParamName);
        Assert.Contains("Tasks is 0; it must be at least 1.", error.Message, StringComparison.Ordinal);
        Assert.Contains("AnswersPerTask is 10; it must be between 1 and Workers (5).", error.Message, StringComparison.Ordinal);
        Assert.Contains("SpammerShare is 1.5; it must be in [0, 1].", error.Message, StringComparison.Ordinal);
        Assert.Contains("GoldShare is NaN", error.Message, StringComparison.Ordinal);
        Assert.Contains("AccuracyAlpha is 0", error.Message, StringComparison.Ordinal);
        Assert.Contains("MinAccuracy (0.9) is above MaxAccuracy (0.5).", error.Message, StringComparison.Ordinal);
        Assert.Contains("ClassBalance has 2 weights; it must have one per class (4).", error.Message, StringComparison.Ordinal);
        Assert.Equal(7, options.Problems().Count);
    }

    [Fact]
    public void Problems_NegativeClassWeight_IsReported()
    {
        var options = DawidSkeneCrowdOptions.Default with { Classes = 2, ClassBalance = [1, -1] };

        var problems = options.Problems();

        Assert.Equal(["ClassBalance has the weight -1; weights must be finite and non-negative."], problems);
    }

    [Fact]
    public void Problems_ConfusionMatricesTooLarge_IsReported()
    {
        var options = DawidSkeneCrowdOptions.Default with { Workers = 1_000_000, Classes = 5 };

        var problems = options.Problems();

        Assert.Equal(["Workers × Classes² is 25000000; it must be at most 16777216."], problems);
    }

    [Fact]
    public void WriteTo_InvalidOptions_ThrowsBeforeTouchingTheDirectory()
    {
        using var directory = new TemporaryDirectory();
        var target = Path.Combine(directory.Path, "crowd");

        Assert.Throws<ArgumentException>(() => DawidSkeneCrowd.WriteTo(DawidSkeneCrowdOptions.Default with { Classes = 1 }, target, TestContext.Current.CancellationToken));

        Assert.False(Directory.Exists(target));
    }
}
