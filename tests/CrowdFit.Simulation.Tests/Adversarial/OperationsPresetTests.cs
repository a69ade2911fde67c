using System.Globalization;
using CrowdFit.Operations;
using CrowdFit.Simulation.Adversarial;
using CrowdFit.Workforce;

namespace CrowdFit.Simulation.Tests.Adversarial;

public sealed class OperationsPresetTests(OperationsRuns runs) : IClassFixture<OperationsRuns>
{
    private static readonly string[] s_files = ["answers.csv", "gold.csv", Path.Combine("truth", "workers.csv"), Path.Combine("truth", "answers.csv"), Path.Combine("truth", "planted.csv")];

    [Fact]
    public void WriteTo_SameSeed_WritesIdenticalFilesWithThePlants()
    {
        using var first = new TemporaryDirectory();
        using var second = new TemporaryDirectory();
        var options = AdversarialCrowdOptions.Operations.Scale(0.1);

        AdversarialCrowd.Generate(options).WriteTo(first.Path);
        AdversarialCrowd.Generate(options).WriteTo(second.Path);

        Assert.All(s_files, f => Assert.Equal(File.ReadAllBytes(Path.Combine(first.Path, f)), File.ReadAllBytes(Path.Combine(second.Path, f))));
    }

    [Fact]
    public void WriteTo_Operations_PlantedFileNamesTheTaskTypeCountryLabelAndDay()
    {
        using var directory = new TemporaryDirectory();

        AdversarialCrowd.Generate(AdversarialCrowdOptions.Operations.Scale(0.1)).WriteTo(directory.Path);

        var lines = File.ReadAllLines(Path.Combine(directory.Path, "truth", AdversarialCrowd.PlantedFileName));
        Assert.Equal(AdversarialCrowd.PlantedHeader, lines[0]);
        var rows = lines[1..].Select(l => l.Split(',', 7)).ToArray();
        Assert.Equal(["pay", "cohort", "drift"], rows.Select(r => r[0]));
        Assert.Equal(["pay", "review", "", "", "", ""], rows[0][..6]);
        Assert.Equal(["cohort", "", "KE", "", "", ""], rows[1][..6]);
        Assert.Equal(["drift", "moderation", "", "spam", "7", "2026-03-09"], rows[2][..6]);
        Assert.All(rows, r => Assert.NotEmpty(r[6]));
    }

    [Fact]
    public void WriteTo_OperationsClean_PlantedFileHasOnlyTheHeader()
    {
        using var directory = new TemporaryDirectory();

        AdversarialCrowd.Generate(AdversarialCrowdOptions.OperationsClean.Scale(0.1)).WriteTo(directory.Path);

        Assert.Equal([AdversarialCrowd.PlantedHeader], File.ReadAllLines(Path.Combine(directory.Path, "truth", AdversarialCrowd.PlantedFileName)));
    }

    [Fact]
    public void Generate_CleanTwin_SameCrowdAndScheduleDifferingOnlyWherePlanted()
    {
        using var planted = new TemporaryDirectory();
        using var clean = new TemporaryDirectory();
        var scaled = AdversarialCrowdOptions.Operations.Scale(0.2);
        AdversarialCrowd.Generate(scaled).WriteTo(planted.Path);
        AdversarialCrowd.Generate(scaled with { Plants = PlantedProblems.None }).WriteTo(clean.Path);

        var a = File.ReadAllLines(Path.Combine(planted.Path, "answers.csv")).Select(l => l.Split(',')).ToArray();
        var b = File.ReadAllLines(Path.Combine(clean.Path, "answers.csv")).Select(l => l.Split(',')).ToArray();

        Assert.Equal(a.Length, b.Length);
        var relabelled = 0;
        var moved = 0;
        for (var row = 1; row < a.Length; row++)
        {
            // task, worker, started, submitted, country, payment country, task type.
            Assert.Equal(a[row][..2].Concat(a[row][3..5]).Concat(a[row][7..10]), b[row][..2].Concat(b[row][3..5]).Concat(b[row][7..10]));
            Assert.Equal(a[row][9] == "review" ? "0.06" : b[row][10], a[row][10]);
            if (a[row][2] != b[row][2])
            {
                relabelled++;
                Assert.Equal(("moderation", "spam"), (a[row][9], a[row][2]));
                Assert.True(string.CompareOrdinal(a[row][4], "2026-03-09") >= 0, a[row][4]);
            }

            if (a[row][5] != b[row][5] || a[row][6] != b[row][6])
            {
                moved++;
                Assert.Equal("KE", a[row][7]);
            }
        }

        Assert.True(relabelled > 50, $"{relabelled} answers follow the new guideline");
        Assert.True(moved > 50, $"{moved} answers come from cafés");
        Assert.Equal(File.ReadAllBytes(Path.Combine(planted.Path, "gold.csv")), File.ReadAllBytes(Path.Combine(clean.Path, "gold.csv")));
    }

    [Fact]
    public void Problems_PlantsOutsideTheCrowd_AreAllReported()
    {
        var options = AdversarialCrowdOptions.Operations with
        {
            Plants = new PlantedProblems
            {
                UnderpaidTaskType = "poetry",
                CafeCountry = "ZZ",
                CafeShare = 0.2,
                DriftTaskType = "moderation",
                DriftDay = 14,
                DriftFrom = "neutral",
                DriftTo = "neutral",
                DriftShare = 0.5,
            },
            CountryShares = [("KE", -1)],
        };

        var problems = options.Problems();

        Assert.Equal(5, problems.Count);
        Assert.Contains(problems, p => p.Contains("'poetry'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'ZZ'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("DriftDay", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("DriftFrom", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("CountryShares", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("operations")]
    [InlineData("OPERATIONS-CLEAN")]
    public void Preset_OperationsNames_ReturnValidPresets(string name)
    {
        var preset = AdversarialCrowdOptions.Preset(name);

        Assert.NotNull(preset);
        Assert.Empty(preset.Problems());
        Assert.Contains(preset.Name, AdversarialCrowdOptions.OperationsPresetNames);
        Assert.Equal(400, preset.Accounts);
        Assert.Equal(60_000, preset.Tasks * preset.AnswersPerTask);
    }

    [Fact]
    public void Pay_Operations_FlagsOnlyThePlantedTaskType()
    {
        var run = runs.Planted;

        var planted = run.Planted("pay")![1];

        Assert.Equal([planted], run.Pay.TaskTypes.Where(t => t.MedianBelowFloor).Select(t => t.Name));
        Assert.Single(run.Pay.Flags);
        Assert.InRange(run.Pay.TaskTypes.Single(t => t.Name == planted).MedianHourlyPay, 2, PayOptions.Default.Floor * 0.6);
        Assert.All(run.Pay.TaskTypes.Where(t => t.Name != planted), t => Assert.True(t.MedianHourlyPay > PayOptions.Default.Floor * 1.3, $"{t.Name}: {t.MedianHourlyPay}"));
    }

    [Fact]
    public void CohortAudit_Operations_ReportsThePlantedCountryAndOnlyIt()
    {
        var run = runs.Planted;

        var country = run.Planted("cohort")![2];

        var finding = Assert.Single(run.Cohorts.Cohorts, c => c.IsFinding);
        Assert.Equal(country, finding.Name);
        Assert.Single(run.Cohorts.Findings);
        Assert.True(finding.Ratio >= 2, $"ratio {finding.Ratio}");
    }

    [Fact]
    public void Detectors_Operations_FlagThePlantedCountrysHonestWorkersMoreThoughTheyAnswerAsWell()
    {
        var run = runs.Planted;
        var country = run.Planted("cohort")![2];

        var (inFlagged, inWorkers) = run.HonestFlags(country, inCountry: true);
        var (outFlagged, outWorkers) = run.HonestFlags(country, inCountry: false);

        var inRate = (double)inFlagged / inWorkers;
        var outRate = (double)outFlagged / outWorkers;
        Assert.True(inRate >= 2 * outRate && inRate >= 0.1, $"{inFlagged}/{inWorkers} against {outFlagged}/{outWorkers}");
        Assert.InRange(run.HonestAccuracy(country, inCountry: true) - run.HonestAccuracy(country, inCountry: false), -0.03, 0.03);
    }

    [Fact]
    public void Drift_Operations_AlertsOnThePlantedLabelFromThePlantedDayAndNotBefore()
    {
        var run = runs.Planted;
        var planted = run.Planted("drift")!;
        var day = DateTimeOffset.Parse(planted[5] + "T00:00:00Z", CultureInfo.InvariantCulture);

        var alerts = run.Drift.Alerts.Select(a => (Alert: a, run.Drift.Windows[a.Window].Start)).ToArray();

        Assert.NotEmpty(alerts);
        Assert.All(alerts, a => Assert.True(a.Start >= day, a.Alert.Text));
        Assert.Contains(alerts, a => a.Alert.Kind == DriftAlertKind.LabelDistribution && run.Drift.Labels[a.Alert.Label] == planted[3] && a.Start <= day.AddDays(1));
    }

    [Fact]
    public void Drift_OperationsByTaskType_AlertsOnThePlantedTypeOnly()
    {
        var run = runs.Planted;
        var planted = run.Planted("drift")!;
        var day = DateTimeOffset.Parse(planted[5] + "T00:00:00Z", CultureInfo.InvariantCulture);

        foreach (var type in AdversarialCrowdOptions.Operations.TaskTypes.Select(t => t.Name))
        {
            var drift = run.DriftOf(type);

            if (type == planted[1])
            {
                Assert.Contains(drift.Alerts, a => a.Kind == DriftAlertKind.LabelDistribution && drift.Labels[a.Label] == planted[3]);
                var before = Agreement(drift.Windows.Where(w => w.Start < day));
                var after = Agreement(drift.Windows.Where(w => w.Start >= day));
                Assert.True(after < before - 0.03, $"agreement {after:F3} from the planted day against {before:F3} before");
            }
            else
            {
                Assert.Empty(drift.Alerts);
            }
        }
    }

    private static double Agreement(IEnumerable<DriftWindow> windows)
    {
        var all = windows.ToArray();
        return (double)all.Sum(w => w.AgreeingAnswers) / all.Sum(w => w.Answers);
    }

    [Fact]
    public void Analyses_OperationsClean_ReportNothing()
    {
        var run = runs.Clean;

        Assert.Empty(run.PlantedRows);
        Assert.Empty(run.Pay.Flags);
        Assert.All(run.Pay.TaskTypes, t => Assert.True(t.MedianHourlyPay > PayOptions.Default.Floor * 1.3, $"{t.Name}: {t.MedianHourlyPay}"));
        Assert.Empty(run.Cohorts.Findings);
        Assert.Empty(run.Drift.Alerts);
        Assert.True(run.Pay.Ran && run.Cohorts.Ran && run.Drift.Ran);
    }

    [Fact]
    public void Detectors_OperationsClean_FlagKenyasHonestWorkersNoMoreThanOthers()
    {
        var run = runs.Clean;

        var (inFlagged, inWorkers) = run.HonestFlags("KE", inCountry: true);
        var (outFlagged, outWorkers) = run.HonestFlags("KE", inCountry: false);

        Assert.True(inWorkers >= 80 && outWorkers >= 250, $"{inWorkers} and {outWorkers} honest workers");
        Assert.True((double)inFlagged / inWorkers <= Math.Max(0.02, 2.0 * outFlagged / outWorkers), $"{inFlagged}/{inWorkers} against {outFlagged}/{outWorkers}");
    }
}
