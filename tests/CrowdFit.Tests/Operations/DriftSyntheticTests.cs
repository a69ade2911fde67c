using CrowdFit.Operations;
using CrowdFit.Truth;

namespace CrowdFit.Tests.Operations;

public sealed class DriftSyntheticTests
{
    private static readonly string[] s_moderation = ["cat", "dog", "spam"];
    private static readonly string[] s_binary = ["no", "yes"];

    [Fact]
    public void Analyze_SpamShareRisesInTheLastTwoDays_AlertsOnThoseDaysNamingSpam()
    {
        var (answers, context) = DriftLog.Build(
            seed: 5,
            s_moderation,
            d => d >= 8 ? [0.35, 0.30, 0.35] : [0.45, 0.45, 0.10],
            _ => 0.9);
        var truth = new MajorityVote().Infer(answers);

        var report = Drift.Analyze(answers, context, truth);

        Assert.True(report.Ran);
        Assert.Equal(10, report.Windows.Count);
        Assert.Equal(9, report.WindowsTested);
        var labelAlerts = report.Alerts.Where(a => a.Kind == DriftAlertKind.LabelDistribution).ToArray();
        Assert.Equal([8, 9], labelAlerts.Select(a => a.Window));
        Assert.All(labelAlerts, a => Assert.Equal(answers.FindLabel("spam"), a.Label));
        Assert.All(report.Alerts, a => Assert.True(a.Window >= 8, a.Text));
        var first = labelAlerts[0];
        Assert.InRange(first.Value, 0.25, 0.45);
        Assert.InRange(first.Baseline, 0.10, 0.20);
        Assert.Matches(@"^2026-03-09: label 'spam' \d+(\.\d)? % against \d+(\.\d)? % before \(p = \d(\.\d)?e-\d+\)$", first.Text);
        Assert.True(report.Windows[8].LabelPValue <= DriftOptions.Default.Alpha);
        Assert.True(report.Windows[7].LabelPValue > DriftOptions.Default.Alpha);
    }

    [Fact]
    public void Analyze_AccuracyDropsInTheLastTwoDays_AlertsOnAgreementOnly()
    {
        var (answers, context) = DriftLog.Build(
            seed: 8,
            s_binary,
            _ => [0.5, 0.5],
            d => d >= 8 ? 0.65 : 0.9);
        var truth = new MajorityVote().Infer(answers);

        var report = Drift.Analyze(answers, context, truth);

        Assert.Equal(10, report.Windows.Count);
        Assert.All(report.Alerts, a => Assert.Equal(DriftAlertKind.Agreement, a.Kind));
        Assert.Equal([8, 9], report.Alerts.Select(a => a.Window));
        var drop = report.Alerts[0];
        Assert.Equal(-1, drop.Label);
        Assert.InRange(drop.Value, 0.5, 0.75);
        Assert.InRange(drop.Baseline, 0.85, 0.95);
        Assert.StartsWith("2026-03-09: agreement 0.", drop.Text, StringComparison.Ordinal);
        Assert.Contains(" before (p = ", drop.Text, StringComparison.Ordinal);
        Assert.True(report.Windows[9].KrippendorffAlpha < report.Windows[0].KrippendorffAlpha - 0.3);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Analyze_StableLog_RaisesNoAlert(int seed)
    {
        var (answers, context) = DriftLog.Build(seed, s_moderation, _ => [0.45, 0.45, 0.10], _ => 0.85);
        var truth = new MajorityVote().Infer(answers);

        var report = Drift.Analyze(answers, context, truth);

        Assert.Equal(10, report.Windows.Count);
        Assert.Empty(report.Alerts);
        Assert.InRange(report.LabelDesignEffect, 1.5, 5);
        Assert.InRange(report.AgreementDesignEffect, 1, 5);
        Assert.All(report.Windows.Skip(1), w => Assert.InRange(w.LabelPValue, DriftOptions.Default.Alpha, 1));
        Assert.All(report.Windows, w => Assert.InRange(w.Agreement, 0.8, 0.95));
        Assert.All(report.Windows, w => Assert.InRange(w.KrippendorffAlpha, 0.3, 0.9));
    }

    [Fact]
    public void Analyze_SameLogTwice_GivesTheSameReport()
    {
        var (answers, context) = DriftLog.Build(4, s_moderation, d => d >= 8 ? [0.35, 0.30, 0.35] : [0.45, 0.45, 0.10], _ => 0.9);
        var truth = new MajorityVote().Infer(answers);

        var first = Drift.Analyze(answers, context, truth);
        var second = Drift.Analyze(answers, context, truth);

        Assert.Equal(first.Alerts, second.Alerts);
        Assert.Equal(first.Windows.Select(w => (w.Name, w.Answers, w.AgreeingAnswers, w.LabelPValue)), second.Windows.Select(w => (w.Name, w.Answers, w.AgreeingAnswers, w.LabelPValue)));
    }
}
