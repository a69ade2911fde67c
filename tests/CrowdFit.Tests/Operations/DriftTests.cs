using CrowdFit.Answers;
using CrowdFit.Operations;
using CrowdFit.Truth;

namespace CrowdFit.Tests.Operations;

public sealed class DriftTests
{
    [Fact]
    public void Analyze_SparseDays_MergesForwardAndTheRestJoinsTheLastWindow()
    {
        // Answers per day: 3, 1, 2, (none), 4, 1; tasks of one answer each, label "a" except where noted.
        int[] days = [0, 0, 0, 1, 2, 2, 4, 4, 4, 4, 5];
        var (answers, context) = Log(days, ["a", "a", "b", "a", "a", "b", "b", "b", "a", "b", "b"], untimedRows: 0);
        var truth = new MajorityVote().Infer(answers);

        var report = Drift.Analyze(answers, context, truth, new DriftOptions { MinAnswers = 3 });

        Assert.Equal(["2026-03-01", "2026-03-02 to 2026-03-03", "2026-03-05 to 2026-03-06"], report.Windows.Select(w => w.Name));
        Assert.Equal([3, 3, 5], report.Windows.Select(w => w.Answers));
        Assert.Equal([2, 1], report.Windows[0].LabelCounts);
        Assert.Equal([1, 4], report.Windows[2].LabelCounts);
        Assert.Equal(new DateTimeOffset(2026, 3, 7, 0, 0, 0, TimeSpan.Zero), report.Windows[2].End);
        Assert.All(report.Windows, w => Assert.Equal(1.0, w.Agreement));
        Assert.True(double.IsNaN(report.Windows[0].LabelPValue));
        Assert.Equal(2, report.WindowsTested);
    }

    [Fact]
    public void Analyze_AnswersWithoutTime_AreLeftOutAndCounted()
    {
        var (answers, context) = Log([0, 0, 1, 1], ["a", "b", "a", "b"], untimedRows: 1);

        var report = Drift.Analyze(answers, context, new MajorityVote().Infer(answers), new DriftOptions { MinAnswers = 1 });

        Assert.Equal(1, report.UntimedAnswers);
        Assert.Equal(4, report.Answers);
        Assert.Equal(3, report.Windows.Sum(w => w.Answers));
    }

    [Fact]
    public void Analyze_NoSubmitTimeColumn_StepsAsideWithTheReason()
    {
        var answers = AnswerSet.FromTriples([("t1", "w1", "a"), ("t1", "w2", "b")]);
        var context = new AnswerContext(2);

        var report = Drift.Analyze(answers, context, new MajorityVote().Infer(answers));

        Assert.False(report.Ran);
        Assert.Equal("the log has no submit times", report.SkippedBecause);
        Assert.Empty(report.Windows);
        Assert.Empty(report.Alerts);
        Assert.Equal(2, report.UntimedAnswers);
    }

    [Fact]
    public void Analyze_EverySubmitTimeMissing_StepsAsideWithTheReason()
    {
        var (answers, context) = Log([0, 1], ["a", "b"], untimedRows: 2);

        var report = Drift.Analyze(answers, context, new MajorityVote().Infer(answers));

        Assert.Equal("no answer has a submit time", report.SkippedBecause);
        Assert.Equal(2, report.UntimedAnswers);
    }

    [Fact]
    public void Analyze_TruthOfAnotherLog_Throws()
    {
        var (answers, context) = Log([0, 1], ["a", "b"], untimedRows: 0);
        var other = AnswerSet.FromTriples([("x", "w1", "a")]);

        Assert.Throws<ArgumentException>(() => Drift.Analyze(answers, context, new MajorityVote().Infer(other)));
    }

    [Fact]
    public void Analyze_InvalidOptions_ThrowsNamingEveryProblem()
    {
        var (answers, context) = Log([0, 1], ["a", "b"], untimedRows: 0);
        var options = new DriftOptions { Window = TimeSpan.Zero, MinAnswers = 0, Alpha = 1 };

        var error = Assert.Throws<ArgumentException>(() => Drift.Analyze(answers, context, new MajorityVote().Infer(answers), options));

        Assert.Contains("Window", error.Message, StringComparison.Ordinal);
        Assert.Contains("MinAnswers", error.Message, StringComparison.Ordinal);
        Assert.Contains("Alpha", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_DefaultsAndEdges_ReportOnlyWhatIsOutOfRange()
    {
        Assert.Empty(DriftOptions.Default.Problems());
        Assert.Empty(new DriftOptions { Window = TimeSpan.FromHours(1), MinAnswers = 1, Alpha = 0.5 }.Problems());
        Assert.Equal(3, new DriftOptions { Window = TimeSpan.FromDays(-1), MinAnswers = -5, Alpha = double.NaN }.Problems().Count);
        Assert.Single(new DriftOptions { Window = DriftOptions.MaxWindow + TimeSpan.FromDays(1) }.Problems());
        Assert.Single(new DriftOptions { Alpha = 0 }.Problems());
    }

    [Fact]
    public void Analyze_HourWindows_NameStartAndEndToTheMinute()
    {
        var (answers, context) = Log([0, 0], ["a", "b"], untimedRows: 0);

        var report = Drift.Analyze(answers, context, new MajorityVote().Infer(answers), new DriftOptions { Window = TimeSpan.FromHours(6), MinAnswers = 1 });

        Assert.Equal("2026-03-01 12:00 to 2026-03-01 18:00", Assert.Single(report.Windows).Name);
    }

    [Theory]
    [InlineData(3.841458820694124, 1, 0.05)]
    [InlineData(23.209251158954356, 10, 0.01)]
    [InlineData(0.5, 3, 0.918891412)]
    public void ChiSquareUpper_PublishedQuantiles_GiveTheirTail(double x, int degrees, double tail)
    {
        Assert.Equal(tail, CrowdFit.Numerics.ChiSquare.Upper(x, degrees), 1e-8);
    }

    [Fact]
    public void ChiSquareUpper_EvenDegrees_MatchesTheClosedForm()
    {
        // For k = 2j degrees, P(χ² ≥ x) = e^{−x/2} Σ_{i<j} (x/2)^i / i!.
        Assert.Equal(Math.Exp(-2.5), CrowdFit.Numerics.ChiSquare.Upper(5, 2), 1e-14);
        Assert.Equal(3.625 * Math.Exp(-1.5), CrowdFit.Numerics.ChiSquare.Upper(3, 6), 1e-14);
        var far = CrowdFit.Numerics.ChiSquare.Upper(100, 4);
        Assert.Equal(1, far / (51 * Math.Exp(-50)), 1e-10);
        Assert.Equal(1, CrowdFit.Numerics.ChiSquare.Upper(0, 3));
        Assert.Equal(1, CrowdFit.Numerics.ChiSquare.Upper(double.NaN, 3));
    }

    /// <summary>One task per answer, worker w{i}, submitted at noon on day <c>days[i]</c> from 2026-03-01; the first rows untimed.</summary>
    private static (AnswerSet Answers, AnswerContext Context) Log(int[] days, string[] labels, int untimedRows)
    {
        var answers = AnswerSet.FromTriples(labels.Select((l, i) => ($"t{i:D3}", $"w{i:D3}", l)), ["a", "b"]);
        var submitted = days
            .Select((d, i) => i < untimedRows ? AnswerContext.MissingTicks : DriftLog.Origin.AddDays(d).AddHours(12).UtcTicks)
            .ToArray();
        return (answers, new AnswerContext(days.Length, submittedAtTicks: submitted));
    }
}
