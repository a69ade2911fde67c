using CrowdFit.Operations;

namespace CrowdFit.Tests.Operations;

public sealed class CohortOptionsTests
{
    [Fact]
    public void Problems_Defaults_None()
    {
        var options = CohortOptions.Default;

        Assert.Empty(options.Problems());
        Assert.Equal(("country", 1.5, 0.01, 10, 5), (options.Column, options.MinRatio, options.Alpha, options.MinWorkers, options.DifficultyStrata));
    }

    [Theory]
    [InlineData("country")]
    [InlineData("PAYMENT-COUNTRY")]
    [InlineData("project")]
    [InlineData("task-type")]
    [InlineData("Tenure")]
    public void Problems_KnownColumnInAnyCase_None(string column)
    {
        var options = new CohortOptions { Column = column };

        Assert.Empty(options.Problems());
    }

    [Fact]
    public void Problems_EverySettingOutOfRange_OneSentenceEach()
    {
        var options = new CohortOptions
        {
            Column = "region",
            MinRatio = 0.9,
            Alpha = 1,
            MinWorkers = 0,
            DifficultyStrata = 0,
            MaxExactWorkers = 0,
        };

        var problems = options.Problems();

        Assert.Equal(6, problems.Count);
        Assert.Contains("(was 'region')", problems[0], StringComparison.Ordinal);
        Assert.Contains("(was 0.9)", problems[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN, 0.01)]
    [InlineData(double.PositiveInfinity, 0.01)]
    [InlineData(1.5, 0)]
    [InlineData(1.5, double.NaN)]
    public void Problems_NaNOrInfiniteOrEmptyRange_Reported(double minRatio, double alpha)
    {
        var options = new CohortOptions { MinRatio = minRatio, Alpha = alpha };

        Assert.Single(options.Problems());
    }

    [Fact]
    public void Analyze_InvalidOptions_ThrowsWithAllProblems()
    {
        var log = CohortCrowd.Build(CohortCrowd.FourCountries(), 1);
        var options = new CohortOptions { Column = "", MinWorkers = -1 };

        var error = Assert.Throws<ArgumentException>(() => CohortAudit.Analyze(log.Answers, log.Context, log.Flagged, log.Difficulty, options));

        Assert.Contains("Column", error.Message, StringComparison.Ordinal);
        Assert.Contains("MinWorkers", error.Message, StringComparison.Ordinal);
        Assert.Equal("options", error.ParamName);
    }
}
