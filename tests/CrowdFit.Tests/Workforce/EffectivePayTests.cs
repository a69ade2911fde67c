using CrowdFit.Workforce;

namespace CrowdFit.Tests.Workforce;

public sealed class EffectivePayTests
{
    private const double Tolerance = 1e-9;

    // w1 works A and B in two tabs (0–600 and 300–900 merge into 900 s, 450 s each), then a long B
    // claim after a break, and an A answer without a start. w2 has one A claim, one B claim after a
    // break, a zero-length B claim and a B claim without a reward.
    private static readonly PayClaim[] s_twoWorkers =
    [
        new("w1", "A", 0, 600, 1.0),
        new("w1", "B", 300, 900, 2.0),
        new("w1", "A", null, 1000, 0.5),
        new("w1", "B", 2000, 3800, 10.0),
        new("w2", "A", 0, 1800, 2.0),
        new("w2", "B", 3600, 4800, 1.0),
        new("w2", "B", 5000, 5000, 0.5),
        new("w2", "B", 6000, 6600, double.NaN),
    ];

    [Fact]
    public void Analyze_TwoWorkersTwoTypes_CellsMatchHandComputedValues()
    {
        var (answers, context) = PayLog.Build(s_twoWorkers);

        var report = EffectivePay.Analyze(answers, context);

        Assert.True(report.Ran);
        Assert.Equal(4, report.Cells.Count);
        AssertRow(report.Cells[0], "w1", "A", answers: 2, unknownTime: 1, unknownReward: 0, paid: 1.5, timedPaid: 1.0, hours: 0.125, rate: 8, shortfallPerHour: 0, shortfall: 0);
        AssertRow(report.Cells[1], "w1", "B", answers: 2, unknownTime: 0, unknownReward: 0, paid: 12, timedPaid: 12, hours: 0.625, rate: 19.2, shortfallPerHour: 0, shortfall: 0);
        AssertRow(report.Cells[2], "w2", "A", answers: 1, unknownTime: 0, unknownReward: 0, paid: 2, timedPaid: 2, hours: 0.5, rate: 4, shortfallPerHour: 3.25, shortfall: 1.625);
        AssertRow(report.Cells[3], "w2", "B", answers: 3, unknownTime: 1, unknownReward: 1, paid: 1.5, timedPaid: 1, hours: 1.0 / 3, rate: 3, shortfallPerHour: 4.25, shortfall: (7.25 / 3) - 1);
    }

    [Fact]
    public void Analyze_TwoWorkersTwoTypes_WorkerRowsAddUpTheirCells()
    {
        var (answers, context) = PayLog.Build(s_twoWorkers);

        var report = EffectivePay.Analyze(answers, context);

        Assert.Equal(2, report.Workers.Count);
        AssertRow(report.Workers[0], "w1", null, answers: 4, unknownTime: 1, unknownReward: 0, paid: 13.5, timedPaid: 13, hours: 0.75, rate: 13 / 0.75, shortfallPerHour: 0, shortfall: 0);
        AssertRow(report.Workers[1], "w2", null, answers: 4, unknownTime: 1, unknownReward: 1, paid: 3.5, timedPaid: 3, hours: 5.0 / 6, rate: 3.6, shortfallPerHour: 3.65, shortfall: (7.25 * 5 / 6) - 3);
        Assert.Equal(8, report.Answers);
        Assert.Equal(2, report.UnknownTimeAnswers);
        Assert.Equal(1, report.UnknownRewardAnswers);
        Assert.Equal(17, report.Paid, Tolerance);
        Assert.Equal(0.75 + (5.0 / 6), report.Hours, Tolerance);
    }

    [Fact]
    public void Analyze_TwoWorkersTwoTypes_FlagsOnlyTheTypeWhoseMedianIsUnderTheFloor()
    {
        var (answers, context) = PayLog.Build(s_twoWorkers);

        var report = EffectivePay.Analyze(answers, context);

        // A: rates 4 (0.5 h) and 8 (0.125 h) -> median 4, 0.5 of 0.625 h under the floor.
        var a = report.TaskTypes[0];
        Assert.Equal(("A", 2, 3), (a.Name, a.Workers, a.Answers));
        Assert.Equal(0.625, a.Hours, Tolerance);
        Assert.Equal(3 / 0.625, a.HourlyPay, Tolerance);
        Assert.Equal(4, a.MedianHourlyPay, Tolerance);
        Assert.Equal(4, a.P10HourlyPay, Tolerance);
        Assert.Equal(0.8, a.ShareOfHoursBelowFloor, Tolerance);
        Assert.True(a.MedianBelowFloor);
        Assert.Equal("task type 'A' pays a median 4.00 USD/h, under the floor 7.25 USD/h; 80 % of its hours are under it", a.Flag);

        // B: rates 3 (1/3 h) and 19.2 (0.625 h) -> median 19.2, P10 3.
        var b = report.TaskTypes[1];
        Assert.Equal(("B", 2, 5), (b.Name, b.Workers, b.Answers));
        Assert.Equal(19.2, b.MedianHourlyPay, Tolerance);
        Assert.Equal(3, b.P10HourlyPay, Tolerance);
        Assert.Equal((1.0 / 3) / ((1.0 / 3) + 0.625), b.ShareOfHoursBelowFloor, Tolerance);
        Assert.False(b.MedianBelowFloor);
        Assert.Null(b.Flag);
        Assert.Equal([a.Flag!], report.Flags);
    }

    [Fact]
    public void Analyze_ClaimBackdatedOverAnEarlierOne_CountsTheUnionOnce()
    {
        // The second claim is padded back to the start of the first: 1,800 s claimed, 1,200 s worked.
        var (answers, context) = PayLog.Build([new("w", "A", 0, 600, 1), new("w", "A", 0, 1200, 1)]);

        var report = EffectivePay.Analyze(answers, context, new PayOptions { MaxGapSeconds = 0 });

        Assert.Equal(1200.0 / 3600, report.Workers[0].Hours, Tolerance);
        Assert.Equal(6, report.Workers[0].HourlyPay, Tolerance);
    }

    [Theory]
    [InlineData(0, 0.5, 1.0 / 3)]
    [InlineData(599, 0.5, 1.0 / 3)]
    [InlineData(600, 0.6, 0.4)]
    public void Analyze_GapBetweenClaims_CountedOnlyUpToMaxGap(double maxGap, double firstHours, double secondHours)
    {
        // 1,800 s and 1,200 s claims 600 s apart: merged, the 3,600 s stretch is shared 18 : 12.
        var (answers, context) = PayLog.Build([new("w", "A", 0, 1800, 2), new("w", "B", 2400, 3600, 1)]);

        var report = EffectivePay.Analyze(answers, context, new PayOptions { MaxGapSeconds = maxGap });

        Assert.Equal(firstHours, report.Cells[0].Hours, Tolerance);
        Assert.Equal(secondHours, report.Cells[1].Hours, Tolerance);
        Assert.Equal(firstHours + secondHours, report.Workers[0].Hours, Tolerance);
    }

    [Fact]
    public void Analyze_AnswersWithoutType_GoToTheNoTypeBucket()
    {
        var (answers, context) = PayLog.Build([new("w", "A", 0, 3600, 10), new("w", null, 4000, 7600, 5)]);

        var report = EffectivePay.Analyze(answers, context, new PayOptions { MaxGapSeconds = 0, Currency = "" });

        Assert.Equal(["A", EffectivePay.NoTypeName], report.TaskTypes.Select(t => t.Name));
        Assert.Equal(5, report.TaskTypes[1].MedianHourlyPay, Tolerance);
        Assert.Equal(["task type '(no type)' pays a median 5.00/h, under the floor 7.25/h; 100 % of its hours are under it"], report.Flags);
    }

    [Fact]
    public void Analyze_NoTaskTypeColumn_OneTypeForEveryAnswer()
    {
        var (answers, context) = PayLog.Build(s_twoWorkers, types: false);

        var report = EffectivePay.Analyze(answers, context);

        var type = Assert.Single(report.TaskTypes);
        Assert.Equal((EffectivePay.NoTypeName, 8), (type.Name, type.Answers));
        Assert.Equal(report.Hours, type.Hours, Tolerance);
    }

    [Fact]
    public void Analyze_NoTimestamps_StepsAsideWithReason()
    {
        var (answers, context) = PayLog.Build(s_twoWorkers, timestamps: false);

        var report = EffectivePay.Analyze(answers, context);

        Assert.False(report.Ran);
        Assert.Contains("timestamps", report.SkippedBecause, StringComparison.Ordinal);
        Assert.Empty(report.Cells);
        Assert.Empty(report.TaskTypes);
    }

    [Fact]
    public void Analyze_NoRewards_StepsAsideWithReason()
    {
        var (answers, context) = PayLog.Build(s_twoWorkers, rewards: false);

        var report = EffectivePay.Analyze(answers, context);

        Assert.Equal("the log has no reward column, so pay cannot be measured", report.SkippedBecause);
        Assert.Empty(report.Workers);
    }

    [Fact]
    public void Analyze_NoUsableTimes_StepsAsideWithReason()
    {
        var (answers, context) = PayLog.Build([new("w", "A", null, 600, 1), new("w", "A", 900, 800, 1)]);

        var report = EffectivePay.Analyze(answers, context);

        Assert.False(report.Ran);
        Assert.Contains("no hour of work is known", report.SkippedBecause, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_BadSettings_ListsEach()
    {
        var options = new PayOptions { Floor = -1, Currency = null!, MaxGapSeconds = double.NaN };

        var problems = options.Problems();

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("Floor must be positive", StringComparison.Ordinal) && p.Contains("-1", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Currency", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("MaxGapSeconds", StringComparison.Ordinal) && p.Contains("NaN", StringComparison.Ordinal));
        Assert.Empty(PayOptions.Default.Problems());
        Assert.Single(new PayOptions { Floor = double.PositiveInfinity }.Problems());
    }

    [Fact]
    public void Analyze_BadOptions_ThrowsWithEveryProblem()
    {
        var (answers, context) = PayLog.Build(s_twoWorkers);

        var error = Assert.Throws<ArgumentException>(() => EffectivePay.Analyze(answers, context, new PayOptions { Floor = 0, MaxGapSeconds = -5 }));

        Assert.Contains("Floor", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxGapSeconds", error.Message, StringComparison.Ordinal);
    }

    private static void AssertRow(
        WorkerPay row,
        string worker,
        string? type,
        int answers,
        int unknownTime,
        int unknownReward,
        double paid,
        double timedPaid,
        double hours,
        double rate,
        double shortfallPerHour,
        double shortfall)
    {
        Assert.Equal((worker, type, type is null ? -1 : type == "A" ? 0 : 1), (row.WorkerId, row.TaskTypeName, row.TaskType));
        Assert.Equal((answers, unknownTime, unknownReward), (row.Answers, row.UnknownTimeAnswers, row.UnknownRewardAnswers));
        Assert.Equal(paid, row.Paid, Tolerance);
        Assert.Equal(timedPaid, row.TimedPaid, Tolerance);
        Assert.Equal(hours, row.Hours, Tolerance);
        Assert.Equal(rate, row.HourlyPay, Tolerance);
        Assert.Equal(rate < 7.25, row.BelowFloor);
        Assert.Equal(shortfallPerHour, row.ShortfallPerHour, Tolerance);
        Assert.Equal(shortfall, row.Shortfall, Tolerance);
    }
}
