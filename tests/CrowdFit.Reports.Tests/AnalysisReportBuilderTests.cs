namespace CrowdFit.Reports.Tests;

public sealed class AnalysisReportBuilderTests
{
    [Fact]
    public void Build_HandMadeLog_CountsAnswersLabelsAndTruth()
    {
        using var folder = new TempFolder();
        var inputs = Analyses.HandMade(folder);

        var report = AnalysisReportBuilder.Build(inputs);

        Assert.Equal("CrowdFit analysis report: answers.csv", report.Title);
        var summary = report.Summary;
        Assert.Equal((24, 6, 4, 2, 2), (summary.Answers, summary.Tasks, summary.Workers, summary.Labels, summary.GoldTasks));
        Assert.Equal("mv", summary.Method);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 3, 0, 0, TimeSpan.Zero), summary.FirstAnswer);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 14, 10, 50, TimeSpan.Zero), summary.LastAnswer);
        Assert.Equal(inputs.Result.Scores.FlaggedWorkerCount, summary.FlaggedWorkers);
        var cat = report.Labels.Labels[0];
        var dog = report.Labels.Labels[1];
        Assert.Equal(("cat", 13, 4), (cat.Label, cat.Answers, cat.Tasks));
        Assert.Equal(("dog", 11, 2), (dog.Label, dog.Answers, dog.Tasks));
        Assert.Equal(13 / 24.0, cat.AnswerShare);
        Assert.Equal(4 / 6.0, cat.TaskShare);
    }

    [Fact]
    public void Build_HandMadeLog_ConfusionIsRowNormalisedAgainstTheInferredTruth()
    {
        using var folder = new TempFolder();

        var confusion = AnalysisReportBuilder.Build(Analyses.HandMade(folder)).Confusion;

        Assert.Equal(["cat", "dog"], confusion.Labels);
        var crowd = confusion.Crowd!;
        Assert.Equal(24, crowd.Answers);
        Assert.Equal([16, 8], crowd.RowAnswers);
        Assert.Equal([0.75, 0.25], crowd.Shares[0]);
        Assert.Equal([0.125, 0.875], crowd.Shares[1]);
        Assert.Equal(["w1", "w2", "w3", "w4"], confusion.Workers.Select(m => m.Name));
        var w3 = confusion.Workers[2];
        Assert.Equal([1.0, 0.0], w3.Shares[0]);
        Assert.Equal([0.5, 0.5], w3.Shares[1]);
        var w4 = confusion.Workers[3];
        Assert.Equal([0.0, 1.0], w4.Shares[0]);
        Assert.Equal([0.0, 1.0], w4.Shares[1]);
    }

    [Fact]
    public void Build_HandMadeLog_SpeedActivityAndGoldMatchTheLog()
    {
        using var folder = new TempFolder();
        var inputs = Analyses.HandMade(folder);

        var report = AnalysisReportBuilder.Build(inputs, ReportLimits.Default with { MinGoldAnswers = 2 });

        Assert.Equal(Analyses.Seconds.Select(s => (double?)s), report.Speed.Points.Select(p => p.MedianSeconds));
        Assert.Equal(Analyses.Workers, report.Speed.Points.Select(p => p.Worker));
        Assert.Equal(0, report.Speed.NotShown);
        var flagged = inputs.Result.Scores.WorkerFlagged.ToArray();
        Assert.Equal(flagged, report.Speed.Points.Select(p => p.Flagged));
        Assert.Equal(24, report.Activity.Hours.Count);
        Assert.Equal(24, report.Activity.Hours.Sum(h => h.Honest + h.Flagged));
        for (var w = 0; w < Analyses.Workers.Length; w++)
        {
            var hour = report.Activity.Hours[Analyses.Hours[w]];
            Assert.Equal(6, flagged[w] ? hour.Flagged : hour.Honest);
        }

        var gold = report.Gold;
        Assert.True(gold.Measured);
        Assert.Equal((2, 8, 0.75), (gold.GoldTasks, gold.GoldAnswers, gold.PassRate));
        Assert.Equal(4, gold.Workers);
        Assert.Equal(2, gold.WorkerPassRates[9].Count);
        Assert.Equal(2, gold.WorkerPassRates[5].Count);
        Assert.Equal(0, gold.Disputed);
        Assert.Null(gold.AuditNotRunBecause);
    }

    [Fact]
    public void Build_HandMadeLog_PayCohortsAndOperationsCarryTheEngineNumbers()
    {
        using var folder = new TempFolder();
        var inputs = Analyses.HandMade(folder);

        var report = AnalysisReportBuilder.Build(inputs);

        Assert.True(report.Pay.Measured);
        Assert.Equal(2.4, report.Pay.Paid, 9);
        Assert.Equal(inputs.Pay!.Hours, report.Pay.Hours);
        Assert.Equal(4, report.Pay.Histogram.Sum(b => b.Count));
        Assert.Equal(7.25, report.Pay.Floor);
        Assert.Equal("tag", Assert.Single(report.Pay.TaskTypes).Name);
        Assert.Equal("country", report.Cohorts.Column);
        Assert.Equal(["DE", "US", "XX"], report.Cohorts.Cohorts.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Equal(4, report.Cohorts.Cohorts.Sum(c => c.Workers));
        Assert.Equal(inputs.Operations!.AgreementRate, report.Operations.All!.AgreementRate);
        Assert.Equal(19 / 24.0, report.Operations.All.AgreementRate!.Value, 12);
        Assert.Equal("project", report.Operations.ScorecardColumn);
        Assert.NotNull(report.Operations.ScorecardNotMeasuredBecause);
    }

    [Fact]
    public void Build_RequiredColumnsOnly_KeepsEverySectionAndSaysWhyItWasNotMeasured()
    {
        using var folder = new TempFolder();

        var report = AnalysisReportBuilder.Build(Analyses.HandMade(folder, context: false, gold: false));

        Assert.Equal(["summary", "labels", "confusion", "speed", "flags", "rings", "activity", "pay", "cohorts", "drift", "gold", "operations"], report.Sections.Select(s => s.Id));
        Assert.Equal("needs started_at and submitted_at", report.Speed.NotMeasuredBecause);
        Assert.Equal("needs submitted_at or started_at", report.Activity.NotMeasuredBecause);
        Assert.StartsWith("needs started_at, submitted_at and reward", report.Pay.NotMeasuredBecause, StringComparison.Ordinal);
        Assert.StartsWith("needs a country column", report.Cohorts.NotMeasuredBecause, StringComparison.Ordinal);
        Assert.StartsWith("needs submitted_at", report.Drift.NotMeasuredBecause, StringComparison.Ordinal);
        Assert.Equal("no gold labels were given", report.Gold.NotMeasuredBecause);
        Assert.Empty(report.Speed.Points);
        Assert.Empty(report.Pay.Histogram);
        Assert.Null(report.Summary.FirstAnswer);
        Assert.True(report.Labels.Measured && report.Confusion.Measured && report.Flags.Measured && report.Operations.Measured);
        Assert.Contains(report.Flags.Detectors, d => !d.Ran && d.SkippedBecause is { Length: > 0 });
    }

    [Fact]
    public void Build_CapsTheScatterAndTablesAndCountsWhatIsLeftOut()
    {
        using var folder = new TempFolder();
        var inputs = Analyses.Simulated(folder);
        var limits = ReportLimits.Default with { MaxScatterPoints = 10, MaxFlaggedWorkers = 2, ConfusionWorkers = 3 };

        var report = AnalysisReportBuilder.Build(inputs, limits);

        Assert.Equal(10, report.Speed.Points.Count);
        Assert.Equal(report.Speed.Workers - 10, report.Speed.NotShown);
        var flagged = inputs.Result.Scores.FlaggedWorkerCount;
        Assert.True(flagged > 5 && report.Speed.Workers - flagged > 5, $"{flagged} flagged of {report.Speed.Workers}");
        Assert.Equal(5, report.Speed.Points.Count(p => p.Flagged));
        Assert.Equal(2, report.Flags.Workers.Count);
        Assert.Equal(inputs.Result.Scores.FlaggedWorkerCount - 2, report.Flags.NotShown);
        Assert.Equal(3, report.Confusion.Workers.Count);
        Assert.True(report.Flags.Workers[0].PValue <= report.Flags.Workers[1].PValue);
    }

    [Fact]
    public void Build_ManyLabels_PoolsTheRareOnesIntoOther()
    {
        using var folder = new TempFolder();
        var inputs = Analyses.HandMade(folder);

        var report = AnalysisReportBuilder.Build(inputs, ReportLimits.Default with { MaxChartLabels = 1 });

        Assert.Equal([AnalysisReportBuilder.OtherLabel], report.Confusion.Labels);
        Assert.Equal(2, report.Confusion.OtherLabels);
        Assert.Equal([1.0], report.Confusion.Crowd!.Shares[0]);
    }

    [Fact]
    public void PayHistogram_RatesBeyondTheRange_GoToAnOpenLastBin()
    {
        double[] rates = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 1000];

        var bins = AnalysisReportBuilder.PayHistogram(rates, 7.25, 10);

        Assert.Equal(11, bins.Length);
        Assert.Equal((0.0, 50.0), (bins[0].From, bins[9].To!.Value));
        Assert.Equal(new HistogramBin(50, null, 1), bins[10]);
        Assert.Equal(rates.Length, bins.Sum(b => b.Count));
        Assert.Equal(4, bins[0].Count);
    }

    [Fact]
    public void Build_SameInputsTwice_GivesIdenticalReports()
    {
        using var folder = new TempFolder();
        var inputs = Analyses.HandMade(folder);

        var first = Render(AnalysisReportBuilder.Build(inputs));
        var second = Render(AnalysisReportBuilder.Build(inputs));

        Assert.Equal(first, second);

        static string Render(AnalysisReport report)
        {
            var html = new StringWriter();
            HtmlReport.Write(report, html);
            JsonReport.Write(report, html);
            MarkdownReport.Write(report, html);
            return html.ToString();
        }
    }
}
