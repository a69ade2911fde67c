using CrowdFit.Workforce;

namespace CrowdFit.Tests.Workforce;

public sealed class EffectivePaySyntheticTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public void Analyze_OneTypePricedUnderTheFloor_FlagsOnlyThatType()
    {
        var (answers, context) = PayLog.Build(PayCrowd.Build(seed: 7, pad: true));

        var report = EffectivePay.Analyze(answers, context);

        var flag = Assert.Single(report.Flags);
        Assert.StartsWith("task type 'transcribe' pays a median ", flag, StringComparison.Ordinal);
        var transcribe = Type(report, "transcribe");
        Assert.True(transcribe.MedianHourlyPay < 6, Describe(report));
        Assert.True(transcribe.ShareOfHoursBelowFloor > 0.9, Describe(report));
        Assert.True(transcribe.P10HourlyPay <= transcribe.MedianHourlyPay);
        foreach (var name in (string[])["image", "text"])
        {
            var type = Type(report, name);
            Assert.True(type.MedianHourlyPay > 8.5, Describe(report));
            Assert.True(type.ShareOfHoursBelowFloor < 0.2, Describe(report));
        }
    }

    [Fact]
    public void Analyze_HonestClaims_RecoversThePricedRatesWithinTenPercent()
    {
        // Rewards were set to pay each type's rate at median speed, pauses included.
        var (answers, context) = PayLog.Build(PayCrowd.Build(seed: 11, pad: false));

        var report = EffectivePay.Analyze(answers, context);

        foreach (var (name, _, rate) in PayCrowd.Types)
        {
            Assert.InRange(Type(report, name).HourlyPay, 0.9 * rate, 1.1 * rate);
        }
    }

    [Fact]
    public void Analyze_ClaimsPaddedBackOverEarlierOnes_LeavesEveryWorkersHoursUnchanged()
    {
        var (honestAnswers, honestContext) = PayLog.Build(PayCrowd.Build(seed: 3, pad: false));
        var (paddedAnswers, paddedContext) = PayLog.Build(PayCrowd.Build(seed: 3, pad: true));

        var honest = EffectivePay.Analyze(honestAnswers, honestContext);
        var padded = EffectivePay.Analyze(paddedAnswers, paddedContext);

        Assert.True(ClaimedHours(paddedContext) > 1.05 * ClaimedHours(honestContext));
        Assert.Equal(honest.Workers.Count, padded.Workers.Count);
        for (var w = 0; w < honest.Workers.Count; w++)
        {
            Assert.Equal(honest.Workers[w].Hours, padded.Workers[w].Hours, Tolerance);
            Assert.Equal(honest.Workers[w].HourlyPay, padded.Workers[w].HourlyPay, Tolerance);
        }
    }

    [Fact]
    public void Analyze_SyntheticLog_HoursAddUpAcrossCellsWorkersAndTypes()
    {
        var (answers, context) = PayLog.Build(PayCrowd.Build(seed: 5, pad: true));

        var report = EffectivePay.Analyze(answers, context);

        foreach (var worker in report.Workers)
        {
            var cells = report.Cells.Where(c => c.Worker == worker.Worker).ToArray();
            Assert.Equal(worker.Hours, cells.Sum(c => c.Hours), Tolerance);
            Assert.Equal(worker.Answers, cells.Sum(c => c.Answers));
        }

        Assert.Equal(report.Hours, report.TaskTypes.Sum(t => t.Hours), Tolerance);
        Assert.Equal(report.Hours, report.Workers.Sum(w => w.Hours), Tolerance);
        Assert.Equal(answers.Count, report.TaskTypes.Sum(t => t.Answers));
    }

    [Fact]
    public void Analyze_SameLogTwice_IdenticalReports()
    {
        var (answers, context) = PayLog.Build(PayCrowd.Build(seed: 9, pad: true));

        var first = EffectivePay.Analyze(answers, context);
        var second = EffectivePay.Analyze(answers, context);

        Assert.Equal(first.Cells, second.Cells);
        Assert.Equal(first.Workers, second.Workers);
        Assert.Equal(first.TaskTypes, second.TaskTypes);
        Assert.Equal(first.Flags, second.Flags);
    }

    private static TaskTypePay Type(PayReport report, string name) => report.TaskTypes.Single(t => t.Name == name);

    private static double ClaimedHours(CrowdFit.Answers.AnswerContext context)
    {
        var ticks = 0L;
        for (var r = 0; r < context.RowCount; r++)
        {
            ticks += context.SubmittedAtTicks[r] - context.StartedAtTicks[r];
        }

        return (double)ticks / TimeSpan.TicksPerHour;
    }

    private static string Describe(PayReport report) =>
        string.Join(" | ", report.TaskTypes.Select(t => $"{t.Name}: median {t.MedianHourlyPay:0.00}, p10 {t.P10HourlyPay:0.00}, {t.ShareOfHoursBelowFloor:P0} under"));
}
