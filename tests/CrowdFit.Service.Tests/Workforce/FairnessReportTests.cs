using System.Net;
using System.Net.Http.Json;

using static CrowdFit.Service.Tests.TestContextExtensions;
using static CrowdFit.Service.Tests.Workforce.WorkforceApp;

namespace CrowdFit.Service.Tests.Workforce;

public sealed class FairnessReportTests
{
    private static readonly string[] s_labels = ["a", "b", "c"];

    /// <summary>
    /// Project "fair" accepts workers in DE only, so the answers of the 12 workers in IN are all rejected and the 12 in
    /// DE none; each worker answers one task of their own (every task equally easy), 60 s after starting it, for 0.10.
    /// </summary>
    private static async Task<HttpClient> SeedAsync(ServiceApp app, ManualClock clock, bool countries)
    {
        var admin = Admin(OnClock(app, clock));
        var body = new { id = "fair", labels = s_labels, requirements = new { regions = new[] { "DE" } }, pay = new { reward = 0.10 } };
        await OkAsync(admin.PostAsJsonAsync("/api/projects", body, Ct), HttpStatusCode.Created);
        await OkAsync(admin.PostAsJsonAsync("/api/projects/fair/tasks", Enumerable.Range(0, 24).Select(t => new { id = $"t{t}" }), Ct));
        for (var w = 0; w < 24; w++)
        {
            if (countries)
            {
                await OkAsync(admin.PostAsJsonAsync("/api/projects/fair/workers", new { id = $"w{w}", country = w < 12 ? "DE" : "in" }, Ct));
            }

            var at = T0.AddMinutes(10 * w);
            await AnswerAsync(admin, clock, "fair", $"t{w}", $"w{w}", at.AddSeconds(60), at);
        }

        return admin;
    }

    [Fact]
    public async Task Fairness_CohortRejectedByItsCountry_IsAFindingWithPayByCohort()
    {
        using var db = new TempDatabase();
        await using var app = new ServiceApp(db.Path);
        using var admin = await SeedAsync(app, new ManualClock(T0), countries: true);

        var fairness = await OkAsync(admin.GetAsync("/api/projects/fair/reports/fairness", Ct));

        Assert.Equal("country", fairness.GetProperty("column").GetString());
        Assert.Equal(24, fairness.GetProperty("workers").GetInt32());
        Assert.Equal(24, fairness.GetProperty("workersWithCountry").GetInt32());
        var rejected = fairness.GetProperty("rejected");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, rejected.GetProperty("skippedBecause").ValueKind);
        Assert.Equal(12, rejected.GetProperty("marked").GetInt32());
        Assert.Equal(2, rejected.GetProperty("testedCohorts").GetInt32());
        var india = Find(rejected.GetProperty("cohorts"), "name", "IN");
        var germany = Find(rejected.GetProperty("cohorts"), "name", "DE");
        Assert.Equal(12, india.GetProperty("marked").GetInt32());
        Assert.Equal(1.0, india.GetProperty("share").GetDouble(), 9);
        Assert.Equal(0.0, india.GetProperty("expected").GetDouble(), 9);
        Assert.Null(Number(india, "ratio"));
        Assert.True(india.GetProperty("adjustedPValue").GetDouble() < 1e-5);
        Assert.Equal(System.Text.Json.JsonValueKind.String, india.GetProperty("finding").ValueKind);
        Assert.Equal(0, germany.GetProperty("marked").GetInt32());
        Assert.Single(rejected.GetProperty("findings").EnumerateArray());
        var flagged = fairness.GetProperty("flagged");
        Assert.Equal("flagged", flagged.GetProperty("measure").GetString());
        Assert.Equal(24, flagged.GetProperty("workers").GetInt32());
        var cohorts = fairness.GetProperty("cohorts");
        Assert.Equal(["DE", "IN"], cohorts.EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(0.0, cohorts[0].GetProperty("rejectedShare").GetDouble(), 9);
        Assert.Equal(1.0, cohorts[1].GetProperty("rejectedShare").GetDouble(), 9);
        Assert.Equal(6.0, cohorts[0].GetProperty("medianHourlyPay").GetDouble(), 9);
        Assert.Equal(12, cohorts[0].GetProperty("workersBelowFloor").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, fairness.GetProperty("payNotMeasuredBecause").ValueKind);
    }

    [Fact]
    public async Task Fairness_NoCountries_SaysWhyTheAuditDidNotRun()
    {
        using var db = new TempDatabase();
        await using var app = new ServiceApp(db.Path);
        using var admin = await SeedAsync(app, new ManualClock(T0), countries: false);

        var fairness = await OkAsync(admin.GetAsync("/api/projects/fair/reports/fairness", Ct));

        Assert.Equal(0, fairness.GetProperty("workersWithCountry").GetInt32());
        Assert.Contains("country", fairness.GetProperty("flagged").GetProperty("skippedBecause").GetString(), StringComparison.Ordinal);
        Assert.Contains("country", fairness.GetProperty("rejected").GetProperty("skippedBecause").GetString(), StringComparison.Ordinal);
        Assert.Empty(fairness.GetProperty("rejected").GetProperty("cohorts").EnumerateArray());
        Assert.Equal("(unknown)", fairness.GetProperty("cohorts")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Fairness_SmallCohorts_AreShownUntestedWithANote()
    {
        using var db = new TempDatabase();
        await using var app = new ServiceApp(db.Path);
        var clock = new ManualClock(T0);
        using var admin = Admin(OnClock(app, clock));
        await ServiceApp.CreateProjectAsync(admin, "small", 4);
        await OkAsync(admin.PostAsJsonAsync("/api/projects/small/workers", new { id = "w1", country = "FR" }, Ct));
        await AnswerAsync(admin, clock, "small", "t0", "w1", T0.AddSeconds(30), T0);
        await AnswerAsync(admin, clock, "small", "t1", "w2", T0.AddSeconds(60), T0);

        var fairness = await OkAsync(admin.GetAsync("/api/projects/small/reports/fairness", Ct));

        var flagged = fairness.GetProperty("flagged");
        Assert.Equal(0, flagged.GetProperty("testedCohorts").GetInt32());
        Assert.Contains("10 workers", flagged.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.All(flagged.GetProperty("cohorts").EnumerateArray(), c => Assert.False(c.GetProperty("tested").GetBoolean()));
        Assert.Contains("without pay", fairness.GetProperty("payNotMeasuredBecause").GetString(), StringComparison.Ordinal);
    }
}
