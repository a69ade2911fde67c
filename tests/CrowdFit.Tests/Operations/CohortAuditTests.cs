using CrowdFit.Answers;
using CrowdFit.Operations;

namespace CrowdFit.Tests.Operations;

public sealed class CohortAuditTests
{
    [Theory]
    [InlineData("BR", 11)]
    [InlineData("PH", 12)]
    [InlineData("US", 13)]
    public void Analyze_OneCountryFlaggedTwiceAsOften_FoundAndNoOther(string planted, int seed)
    {
        var log = CohortCrowd.Build(CohortCrowd.FourCountries(planted), seed);

        var report = Analyze(log);

        Assert.True(report.Ran);
        var finding = Assert.Single(report.Findings);
        Assert.StartsWith($"country {planted}: ", finding, StringComparison.Ordinal);
        var row = Assert.Single(report.Cohorts, c => c.IsFinding);
        Assert.Equal(planted, row.Name);
        Assert.InRange(row.Ratio, 1.5, 3);
        Assert.True(row.AdjustedPValue <= 0.01);
        Assert.Equal(4, report.TestedCohorts);
    }

    [Fact]
    public void Analyze_ByVendor_FindsTheVendorWhoseWorkersAreFlaggedMore()
    {
        var log = CohortCrowd.Build(CohortCrowd.FourCountries("PH"), 12);
        var byVendor = new AnswerContext(log.Context.RowCount, vendor: log.Context.Country);

        var report = CohortAudit.Analyze(log.Answers, byVendor, log.Flagged, log.Difficulty, new CohortOptions { Column = "Vendor" });

        Assert.Equal(CohortOptions.VendorColumn, report.Column);
        Assert.StartsWith("vendor PH: ", Assert.Single(report.Findings), StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_ByVendorWithoutVendors_SaysWhy()
    {
        var log = CohortCrowd.Build(CohortCrowd.FourCountries(), 1);

        var report = CohortAudit.Analyze(log.Answers, log.Context, log.Flagged, log.Difficulty, new CohortOptions { Column = CohortOptions.VendorColumn });

        Assert.False(report.Ran);
        Assert.Equal("the log has no vendor column, so workers cannot be grouped by vendor", report.SkippedBecause);
    }

    [Fact]
    public void Analyze_PlantedCountry_FindingSentenceStatesTheNumbers()
    {
        var log = CohortCrowd.Build(CohortCrowd.FourCountries("BR"), 11);

        var row = Assert.Single(Analyze(log).Cohorts, c => c.IsFinding);

        var expected = string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"country BR: {row.Flagged} of 200 workers flagged ({row.FlagRate * 100:0} %), {row.Expected:0.0} expected from the tasks they did (ratio {row.Ratio:0.0}, ");
        Assert.StartsWith(expected, row.Finding, StringComparison.Ordinal);
        Assert.EndsWith(")", row.Finding, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Analyze_CleanAssignment_NothingFound(int seed)
    {
        var log = CohortCrowd.Build(CohortCrowd.FourCountries(), seed);

        var report = Analyze(log);

        Assert.Empty(report.Findings);
        Assert.Equal(4, report.Cohorts.Count);
        Assert.All(report.Cohorts, c => Assert.InRange(c.Ratio, 0.6, 1.4));
    }

    [Fact]
    public void Analyze_CountryWithHarderTasks_NotReported()
    {
        CohortCountry[] countries =
        [
            new("US", 200),
            new("BR", 200),
            new("IN", 200, MinLevel: 0.5, MaxLevel: 1),
            new("PH", 200),
        ];
        var log = CohortCrowd.Build(countries, 21);

        var report = Analyze(log);

        // The hard country is flagged far more often, all of it explained by its tasks.
        var hard = Assert.Single(report.Cohorts, c => c.Name == "IN");
        var easy = Assert.Single(report.Cohorts, c => c.Name == "US");
        Assert.True(hard.FlagRate > 1.5 * easy.FlagRate, $"IN {hard.FlagRate}, US {easy.FlagRate}");
        Assert.Empty(report.Findings);
        Assert.InRange(hard.Ratio, 0.7, 1.4);
    }

    [Fact]
    public void Analyze_CountryWithHarderTasksWithoutAdjustment_Reported()
    {
        CohortCountry[] countries =
        [
            new("US", 200),
            new("BR", 200),
            new("IN", 200, MinLevel: 0.5, MaxLevel: 1),
            new("PH", 200),
        ];
        var log = CohortCrowd.Build(countries, 21);

        var report = Analyze(log, new CohortOptions { DifficultyStrata = 1 });

        Assert.StartsWith("country IN: ", Assert.Single(report.Findings), StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_NewcomersFlaggedMore_TenureNewFound()
    {
        var log = CohortCrowd.Build(CohortCrowd.FourCountries(), 31, newcomerFactor: 2.5);

        var report = Analyze(log, new CohortOptions { Column = "Tenure" });

        Assert.Equal(CohortOptions.TenureColumn, report.Column);
        Assert.Equal([CohortAudit.OldName, CohortAudit.MidName, CohortAudit.NewName], [.. report.Cohorts.Select(c => c.Name)]);
        Assert.StartsWith("tenure new: ", Assert.Single(report.Findings), StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_SmallCohort_ReportedWithoutTest()
    {
        CohortCountry[] countries = [new("US", 100), new("BR", 100), new("NZ", 9, FlagFactor: 5)];
        var log = CohortCrowd.Build(countries, 41);

        var report = Analyze(log);

        var small = Assert.Single(report.Cohorts, c => c.Name == "NZ");
        Assert.Equal(9, small.Workers);
        Assert.False(small.Tested);
        Assert.True(double.IsNaN(small.PValue));
        Assert.True(double.IsNaN(small.AdjustedPValue));
        Assert.Null(small.Finding);
        Assert.Equal(2, report.TestedCohorts);
    }

    [Fact]
    public void Analyze_NoCountryColumn_SkipsWithReason()
    {
        var log = CohortCrowd.Build(CohortCrowd.FourCountries(), 1, withCountry: false);

        var report = Analyze(log);

        Assert.False(report.Ran);
        Assert.Equal("the log has no country column, so workers cannot be grouped by country", report.SkippedBecause);
        Assert.Empty(report.Cohorts);
        Assert.Empty(report.Findings);
    }

    [Fact]
    public void Analyze_TenureWithoutSubmitTimes_SkipsWithReason()
    {
        var log = CohortCrowd.Build(CohortCrowd.FourCountries(), 1, withTimes: false);

        var report = Analyze(log, new CohortOptions { Column = CohortOptions.TenureColumn });

        Assert.Equal("the log has no submit timestamps, so workers cannot be grouped by tenure", report.SkippedBecause);
    }

    [Fact]
    public void Analyze_WorkerInSeveralCountries_CountedInTheirMostFrequentOne()
    {
        // w0 answers twice from BR and once from US; w1 once from each (the tie goes to the first value, US);
        // w2 has no country on any answer; w3 has no answers.
        var answers = AnswerSet.FromColumns(["t0", "t1", "t2"], ["w0", "w1", "w2", "w3"], ["x"], [0, 1, 2, 0, 1, 2], [0, 0, 0, 1, 1, 2], [0, 0, 0, 0, 0, 0]);
        var country = new CategoricalColumn(["US", "BR"], [1, 0, 1, 1, 0, -1]);
        var context = new AnswerContext(6, country: country);

        var report = CohortAudit.Analyze(answers, context, [true, false, true, false], [0.1, 0.2, 0.3], new CohortOptions { MinWorkers = 1 });

        Assert.Equal(3, report.Workers);
        Assert.Equal(2, report.Flagged);
        Assert.Equal(["US", "BR", CohortAudit.UnknownName], [.. report.Cohorts.Select(c => c.Name)]);
        Assert.Equal([1, 1, 1], [.. report.Cohorts.Select(c => c.Workers)]);
        Assert.Equal([0, 1, 1], [.. report.Cohorts.Select(c => c.Flagged)]);
    }

    [Fact]
    public void Analyze_HandCase_ExpectationLeavesTheCohortOut()
    {
        // One stratum. A: 2 workers, 1 flagged; B: 2 workers, 0 flagged. A is held against B's rate (0) and
        // B against A's (1/2). The test draws 2 of the 4 workers, 1 of them flagged: P(X ≥ 1) = 1 − 3/6.
        var answers = AnswerSet.FromColumns(["t0"], ["a1", "a2", "b1", "b2"], ["x"], [0, 0, 0, 0], [0, 1, 2, 3], [0, 0, 0, 0]);
        var context = new AnswerContext(4, country: new CategoricalColumn(["A", "B"], [0, 0, 1, 1]));

        var report = CohortAudit.Analyze(answers, context, [true, false, false, false], [0.5], new CohortOptions { MinWorkers = 2, DifficultyStrata = 1 });

        Assert.Equal(0, report.Cohorts[0].Expected);
        Assert.Equal(double.PositiveInfinity, report.Cohorts[0].Ratio);
        Assert.Equal(0.5, report.Cohorts[0].PValue, 12);
        Assert.Equal(1, report.Cohorts[0].AdjustedPValue, 12);
        Assert.Equal(1, report.Cohorts[1].Expected, 12);
        Assert.Equal(0, report.Cohorts[1].Ratio);
        Assert.Equal(1, report.Cohorts[1].PValue);
        Assert.Equal([0.25, double.NaN], report.StratumFlagRates);
    }

    [Fact]
    public void Analyze_SameInputTwice_IdenticalReports()
    {
        var log = CohortCrowd.Build(CohortCrowd.FourCountries("IN"), 51);

        var first = Analyze(log);
        var second = Analyze(log);

        Assert.Equal(first.Findings, second.Findings);
        Assert.Equal(first.Cohorts, second.Cohorts);
        Assert.Equal(first.StratumFlagRates, second.StratumFlagRates);
    }

    [Fact]
    public void Analyze_WrongSpanLengths_Throws()
    {
        var log = CohortCrowd.Build(CohortCrowd.FourCountries(), 1);

        Assert.Throws<ArgumentException>(() => CohortAudit.Analyze(log.Answers, log.Context, log.Flagged.AsSpan(1), log.Difficulty));
        Assert.Throws<ArgumentException>(() => CohortAudit.Analyze(log.Answers, log.Context, log.Flagged, log.Difficulty.AsSpan(1)));
        Assert.Throws<ArgumentNullException>(() => CohortAudit.Analyze(null!, log.Context, log.Flagged, log.Difficulty));
    }

    private static CohortReport Analyze(CohortLog log, CohortOptions? options = null) =>
        CohortAudit.Analyze(log.Answers, log.Context, log.Flagged, log.Difficulty, options);
}
