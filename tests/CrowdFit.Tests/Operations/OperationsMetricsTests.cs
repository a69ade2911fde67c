using CrowdFit.Answers;
using CrowdFit.Operations;
using CrowdFit.Truth;

namespace CrowdFit.Tests.Operations;

public sealed class OperationsMetricsTests
{
    // Source rows (task, worker, label, project, country); the answer of row 7 is flagged, task t2 has gold "b".
    // Majority labels: t1 a (a, a, b), t2 b (a, b, b), t3 b (b, b).
    private static readonly (string Task, string Worker, string Label, int Project, int Country)[] s_rows =
    [
        ("t1", "w1", "a", 0, 0),
        ("t2", "w1", "a", 0, 0),
        ("t3", "w3", "b", 1, 1),
        ("t1", "w2", "a", 0, 1),
        ("t2", "w2", "b", 0, 0),
        ("t2", "w3", "b", 0, CategoricalColumn.Missing),
        ("t3", "w4", "b", 1, 1),
        ("t1", "w3", "b", 0, 1),
    ];

    private const int FlaggedRow = 7;

    [Fact]
    public void Compute_TinyLog_WholeLogMetricsWorkedByHand()
    {
        var log = TinyLog();

        var report = Compute(log, ScorecardColumn.Project);

        Assert.Equal(8, report.Answers);
        Assert.Equal(4, report.Workers);
        Assert.Equal(3, report.Tasks);
        Assert.Equal(6.0 / 8, report.AgreementRate);
        Assert.Equal(3, report.GoldAnswers);
        Assert.Equal(2.0 / 3, report.GoldPassRate);
        Assert.Equal(1.0 / 3, report.CorrectionRate);
        Assert.Equal(500.0 / 3, report.ReworkPer100, 12);
        Assert.Equal(1, report.Flagged);
        Assert.Equal(1.0 / 8, report.FlagRate);
    }

    [Fact]
    public void Compute_TinyLogByProject_ScorecardWorkedByHand()
    {
        var log = TinyLog();

        var report = Compute(log, ScorecardColumn.Project);

        Assert.True(report.HasScorecard);
        Assert.Equal(ScorecardColumn.Project, report.Column);
        Assert.Equal(["P", "Q"], report.Scorecard.Select(r => r.Name));
        var p = report.Scorecard[0];
        Assert.Equal((6, 3, 2, 3, 1), (p.Answers, p.Workers, p.Tasks, p.GoldAnswers, p.Flagged));
        Assert.Equal(4.0 / 6, p.AgreementRate);
        Assert.Equal(2.0 / 3, p.GoldPassRate);
        Assert.Equal(0.5, p.CorrectionRate);
        Assert.Equal(200, p.ReworkPer100);
        Assert.Equal(1.0 / 6, p.FlagRate);
        var q = report.Scorecard[1];
        Assert.Equal((2, 2, 1, 0, 0), (q.Answers, q.Workers, q.Tasks, q.GoldAnswers, q.Flagged));
        Assert.Equal(1.0, q.AgreementRate);
        Assert.True(double.IsNaN(q.GoldPassRate));
        Assert.Equal(0.0, q.CorrectionRate);
        Assert.Equal(100, q.ReworkPer100);
        Assert.Equal(0.0, q.FlagRate);
    }

    [Fact]
    public void Compute_TinyLogByCountry_MostAnswersFirstAndMissingValuesUnknown()
    {
        var log = TinyLog();

        var report = Compute(log, ScorecardColumn.Country);

        Assert.Equal(["BR", "US", OperationsMetrics.UnknownName], report.Scorecard.Select(r => r.Name));
        var br = report.Scorecard[0];
        Assert.Equal((4, 3, 1, 0, 1), (br.Answers, br.Workers, br.Tasks, br.GoldAnswers, br.Flagged));
        Assert.Equal(3.0 / 4, br.AgreementRate);
        Assert.True(double.IsNaN(br.GoldPassRate));
        Assert.Equal(0.0, br.CorrectionRate);
        Assert.Equal(100, br.ReworkPer100);
        Assert.Equal(1.0 / 4, br.FlagRate);
        var us = report.Scorecard[1];
        Assert.Equal((3, 2, 2, 2, 0), (us.Answers, us.Workers, us.Tasks, us.GoldAnswers, us.Flagged));
        Assert.Equal(2.0 / 3, us.AgreementRate);
        Assert.Equal(0.5, us.GoldPassRate);
        Assert.Equal(0.5, us.CorrectionRate);
        Assert.Equal(200, us.ReworkPer100);
        var unknown = report.Scorecard[2];
        Assert.Equal((1, 1, 0, 1, 0), (unknown.Answers, unknown.Workers, unknown.Tasks, unknown.GoldAnswers, unknown.Flagged));
        Assert.Equal(1.0, unknown.AgreementRate);
        Assert.Equal(1.0, unknown.GoldPassRate);
        Assert.True(double.IsNaN(unknown.CorrectionRate));
        Assert.True(double.IsNaN(unknown.ReworkPer100));
    }

    [Fact]
    public void Compute_ByVendor_GroupsLikeTheSameCodesInTheCountryColumn()
    {
        var log = TinyLog();
        var vendors = new AnswerContext(s_rows.Length, vendor: log.Context.Country);
        var countries = Compute(log, ScorecardColumn.Country);

        var report = OperationsMetrics.Compute(log.Answers, log.Truth, log.Gold, log.Flagged, vendors, ScorecardColumn.Vendor);

        Assert.Equal(ScorecardColumn.Vendor, report.Column);
        Assert.Equal(countries.Scorecard.Select(r => (r.Name, r.Answers, r.Workers, r.Flagged)), report.Scorecard.Select(r => (r.Name, r.Answers, r.Workers, r.Flagged)));
    }

    [Fact]
    public void Compute_ByVendorWithoutVendors_SaysSo()
    {
        var log = TinyLog();

        var report = Compute(log, ScorecardColumn.Vendor);

        Assert.Equal("the context has no vendors", report.ScorecardSkippedBecause);
        Assert.Empty(report.Scorecard);
    }

    [Fact]
    public void Compute_Scorecard_GroupCountsAddUpToTheLog()
    {
        var log = TinyLog();

        foreach (var column in new[] { ScorecardColumn.Project, ScorecardColumn.Country })
        {
            var report = Compute(log, column);

            Assert.Equal(report.Answers, report.Scorecard.Sum(r => r.Answers));
            Assert.Equal(report.Tasks, report.Scorecard.Sum(r => r.Tasks));
            Assert.Equal(report.GoldAnswers, report.Scorecard.Sum(r => r.GoldAnswers));
            Assert.Equal(report.Flagged, report.Scorecard.Sum(r => r.Flagged));
        }
    }

    [Fact]
    public void Compute_NullContext_NoScorecardButWholeLogMetrics()
    {
        var log = TinyLog();

        var report = OperationsMetrics.Compute(log.Answers, log.Truth, log.Gold, log.Flagged, context: null);

        Assert.False(report.HasScorecard);
        Assert.Equal("there is no context", report.ScorecardSkippedBecause);
        Assert.Empty(report.Scorecard);
        Assert.Equal(8, report.Answers);
        Assert.Equal(6.0 / 8, report.AgreementRate);
        Assert.Equal(2.0 / 3, report.GoldPassRate);
        Assert.Equal(1.0 / 3, report.CorrectionRate);
        Assert.Equal(1.0 / 8, report.FlagRate);
    }

    [Fact]
    public void Compute_ContextWithoutTheColumn_NoScorecard()
    {
        var log = TinyLog();
        var projectsOnly = new AnswerContext(s_rows.Length, project: log.Context.Project);

        var report = OperationsMetrics.Compute(log.Answers, log.Truth, log.Gold, log.Flagged, projectsOnly, ScorecardColumn.Country);

        Assert.Equal("the context has no countries", report.ScorecardSkippedBecause);
        Assert.Empty(report.Scorecard);
        Assert.Equal(1.0 / 3, report.CorrectionRate);
    }

    [Fact]
    public void Compute_NoGoldOrNoAnswerOnGold_GoldPassRateNaN()
    {
        var log = TinyLog();
        var goldOnNothing = GoldLabels.Empty(log.Answers.TaskCount);

        var withoutGold = OperationsMetrics.Compute(log.Answers, log.Truth, null, log.Flagged, log.Context);
        var emptyGold = OperationsMetrics.Compute(log.Answers, log.Truth, goldOnNothing, log.Flagged, log.Context);

        foreach (var report in new[] { withoutGold, emptyGold })
        {
            Assert.Equal(0, report.GoldAnswers);
            Assert.True(double.IsNaN(report.GoldPassRate));
            Assert.All(report.Scorecard, r => Assert.True(double.IsNaN(r.GoldPassRate)));
            Assert.Equal(6.0 / 8, report.AgreementRate);
        }
    }

    [Fact]
    public void Compute_EmptyLog_EveryRateNaN()
    {
        var answers = AnswerSet.FromTriples([]);
        var truth = new TruthResult("none", answers, [], [], [], 0, true);

        var report = OperationsMetrics.Compute(answers, truth, null, [], new AnswerContext(0, project: new CategoricalColumn([], [])));

        Assert.Equal((0, 0, 0), (report.Answers, report.Workers, report.Tasks));
        Assert.True(double.IsNaN(report.AgreementRate));
        Assert.True(double.IsNaN(report.GoldPassRate));
        Assert.True(double.IsNaN(report.CorrectionRate));
        Assert.True(double.IsNaN(report.ReworkPer100));
        Assert.True(double.IsNaN(report.FlagRate));
        Assert.True(report.HasScorecard);
        Assert.Empty(report.Scorecard);
    }

    [Fact]
    public void Compute_EachTaskAnsweredOnce_NoReworkAndNoCorrection()
    {
        var answers = AnswerSet.FromTriples([("t1", "w1", "a"), ("t2", "w1", "b"), ("t3", "w2", "a")]);
        var truth = new MajorityVote().Infer(answers);

        var report = OperationsMetrics.Compute(answers, truth, null, new bool[3], null);

        Assert.Equal(0.0, report.ReworkPer100);
        Assert.Equal(0.0, report.CorrectionRate);
        Assert.Equal(1.0, report.AgreementRate);
        Assert.Equal(0.0, report.FlagRate);
        Assert.Equal(2, report.Workers);
    }

    [Fact]
    public void Compute_FirstAnswerOverturned_CountsAsCorrectionWhateverComesLater()
    {
        // The first answer "b" is outvoted by the two after it; in the second task the first answer wins.
        var answers = AnswerSet.FromTriples(
            [("t1", "w1", "b"), ("t2", "w1", "a"), ("t1", "w2", "a"), ("t2", "w2", "b"), ("t1", "w3", "a"), ("t2", "w3", "a")]);
        var truth = new MajorityVote().Infer(answers);

        var report = OperationsMetrics.Compute(answers, truth, null, new bool[6], null);

        Assert.Equal(0.5, report.CorrectionRate);
        Assert.Equal(200, report.ReworkPer100);
    }

    [Fact]
    public void Compute_BadInput_Throws()
    {
        var log = TinyLog();
        var shortContext = new AnswerContext(4, project: new CategoricalColumn(["P"], [0, 0, 0, 0]));
        var otherGold = GoldLabels.Empty(2);

        Assert.Throws<ArgumentException>("answerFlagged", () => OperationsMetrics.Compute(log.Answers, log.Truth, log.Gold, new bool[3], log.Context));
        Assert.Throws<ArgumentException>("context", () => OperationsMetrics.Compute(log.Answers, log.Truth, log.Gold, log.Flagged, shortContext));
        Assert.Throws<ArgumentException>("gold", () => OperationsMetrics.Compute(log.Answers, log.Truth, otherGold, log.Flagged, log.Context));
        Assert.Throws<ArgumentOutOfRangeException>("column", () => OperationsMetrics.Compute(log.Answers, log.Truth, log.Gold, log.Flagged, log.Context, (ScorecardColumn)7));
    }

    private static OperationsMetricsReport Compute(TinyLogData log, ScorecardColumn column) =>
        OperationsMetrics.Compute(log.Answers, log.Truth, log.Gold, log.Flagged, log.Context, column);

    private static TinyLogData TinyLog()
    {
        var answers = AnswerSet.FromTriples(s_rows.Select(r => (r.Task, r.Worker, r.Label)));
        var context = new AnswerContext(
            s_rows.Length,
            country: new CategoricalColumn(["US", "BR"], [.. s_rows.Select(r => r.Country)]),
            project: new CategoricalColumn(["P", "Q"], [.. s_rows.Select(r => r.Project)]));
        var gold = GoldLabels.FromPairs(answers, [("t2", "b")]);
        var flagged = new bool[answers.Count];
        for (var a = 0; a < flagged.Length; a++)
        {
            flagged[a] = answers.SourceRow(a) == FlaggedRow;
        }

        return new TinyLogData(answers, new MajorityVote().Infer(answers), gold, flagged, context);
    }

    private sealed record TinyLogData(AnswerSet Answers, TruthResult Truth, GoldLabels Gold, bool[] Flagged, AnswerContext Context);
}
