using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using static CrowdFit.Service.Tests.Dashboard.DashboardForms;
using static CrowdFit.Service.Tests.Review.ReviewFixture;
using static CrowdFit.Service.Tests.TestContextExtensions;

namespace CrowdFit.Service.Tests.Findings;

public sealed class DriftApiTests
{
    private static readonly DateTimeOffset s_start = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Drift_LabelsShiftOnTheLastDay_DayWindowsAndAnAlertNamingTheLabel()
    {
        using var db = new TempDatabase();
        var log = FindingsCrowd.Log(5, 200, ring: false, shift: true);
        var clock = new ManualClock(s_start);
        await using var service = new ServiceApp(db.Path, FindingsCrowd.Settings(100_000));
        await using var app = FindingsCrowd.WithClock(service, clock);
        using var admin = FindingsCrowd.Client(app, ServiceApp.AdminKey);
        await FindingsCrowd.PostAsync(admin, "p", log, clock, TimeSpan.FromDays(4) / (log.Count + 1));

        var drift = await OkJsonAsync(admin.GetAsync("/api/projects/p/reports/drift?minAnswers=100", Ct));
        var windows = drift.GetProperty("windows").EnumerateArray().ToArray();
        var alerts = drift.GetProperty("alerts").EnumerateArray().ToArray();

        Assert.Equal("day", drift.GetProperty("window").GetString());
        Assert.True(drift.GetProperty("enough").GetBoolean());
        Assert.Equal(JsonValueKind.Null, drift.GetProperty("note").ValueKind);
        Assert.Equal(log.Count, drift.GetProperty("answers").GetInt32());
        Assert.Equal(["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05"], windows.Select(w => w.GetProperty("name").GetString()));
        Assert.Equal(log.Count, windows.Sum(w => w.GetProperty("answers").GetInt32()));
        Assert.Equal([false, false, false, true], windows.Select(w => w.GetProperty("alert").GetBoolean()));
        Assert.Contains(alerts, a => a.GetProperty("window").GetInt32() == 3 && a.GetProperty("kind").GetString() == "labels" && a.GetProperty("label").GetString() == "c");
        Assert.All(alerts, a => Assert.Equal(3, a.GetProperty("window").GetInt32()));
        Assert.Equal(JsonValueKind.Null, windows[0].GetProperty("labelPValue").ValueKind);
        Assert.InRange(windows[0].GetProperty("agreement").GetDouble(), 0.7, 1);
        Assert.True(windows[3].GetProperty("labelCounts").GetProperty("c").GetInt32() > windows[0].GetProperty("labelCounts").GetProperty("c").GetInt32());
    }

    [Fact]
    public async Task Drift_NoShift_NoAlert_HourWindowsOnRequest()
    {
        using var db = new TempDatabase();
        var log = FindingsCrowd.Log(6, 120, ring: false);
        var clock = new ManualClock(s_start);
        await using var service = new ServiceApp(db.Path, FindingsCrowd.Settings(100_000));
        await using var app = FindingsCrowd.WithClock(service, clock);
        using var admin = FindingsCrowd.Client(app, ServiceApp.AdminKey);
        await FindingsCrowd.PostAsync(admin, "p", log, clock, TimeSpan.FromDays(3) / (log.Count + 1));

        var byDay = await OkJsonAsync(admin.GetAsync("/api/projects/p/reports/drift?minAnswers=50", Ct));
        var byHour = await OkJsonAsync(admin.GetAsync("/api/projects/p/reports/drift?window=hour&minAnswers=50", Ct));

        Assert.Equal("day", byDay.GetProperty("window").GetString());
        Assert.Equal(3, byDay.GetProperty("windows").GetArrayLength());
        Assert.Empty(byDay.GetProperty("alerts").EnumerateArray());
        Assert.Equal("hour", byHour.GetProperty("window").GetString());
        Assert.True(byHour.GetProperty("windows").GetArrayLength() > 3);
        Assert.All(byHour.GetProperty("windows").EnumerateArray(), w => Assert.True(w.GetProperty("answers").GetInt32() >= 50));
    }

    [Fact]
    public async Task Drift_ShortHistory_HourWindowsAndSaysSo()
    {
        using var db = new TempDatabase();
        var log = FindingsCrowd.Log(7, 10, ring: false);
        var clock = new ManualClock(s_start);
        await using var service = new ServiceApp(db.Path);
        await using var app = FindingsCrowd.WithClock(service, clock);
        using var admin = FindingsCrowd.Client(app, ServiceApp.AdminKey);
        await FindingsCrowd.PostAsync(admin, "p", log, clock, TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/projects", new { id = "empty", labels = FindingsCrowd.Labels, aql = 0.05, maxAnswers = 3 }, Ct)).StatusCode);

        var drift = await OkJsonAsync(admin.GetAsync("/api/projects/p/reports/drift", Ct));
        var empty = await OkJsonAsync(admin.GetAsync("/api/projects/empty/reports/drift", Ct));

        Assert.Equal("hour", drift.GetProperty("window").GetString());
        Assert.Equal(200, drift.GetProperty("minAnswers").GetInt32());
        Assert.False(drift.GetProperty("enough").GetBoolean());
        Assert.StartsWith($"Not enough history: all answers so far ({log.Count}) fall in one hour window", drift.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Single(drift.GetProperty("windows").EnumerateArray());
        Assert.False(empty.GetProperty("enough").GetBoolean());
        Assert.Empty(empty.GetProperty("windows").EnumerateArray());
        Assert.StartsWith("No answers yet", empty.GetProperty("note").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drift_BadInputAndRoles_ProblemDetails()
    {
        using var db = new TempDatabase();
        await using var app = new ServiceApp(db.Path);
        using var admin = app.Admin();
        await FindingsCrowd.PostAsync(admin, "p", FindingsCrowd.Log(1, 2, ring: false));
        using var anonymous = app.WithKey(null);
        using var analyst = app.WithKey(await IssueKeyAsync(admin, new { role = "analyst", name = "ana" }));
        using var worker = app.WithKey(await IssueKeyAsync(admin, new { role = "worker", worker = "w01" }));

        await AssertProblemAsync(analyst.GetAsync("/api/projects/p/reports/drift?window=week", Ct), HttpStatusCode.BadRequest, "window");
        await AssertProblemAsync(analyst.GetAsync("/api/projects/p/reports/drift?minAnswers=0", Ct), HttpStatusCode.BadRequest, "minAnswers");
        await AssertProblemAsync(analyst.GetAsync("/api/projects/p/reports/drift?minAnswers=1000001", Ct), HttpStatusCode.BadRequest, "minAnswers");
        await AssertProblemAsync(analyst.GetAsync("/api/projects/nope/reports/drift", Ct), HttpStatusCode.NotFound);
        await AssertProblemAsync(anonymous.GetAsync("/api/projects/p/reports/drift", Ct), HttpStatusCode.Unauthorized);
        await AssertProblemAsync(worker.GetAsync("/api/projects/p/reports/drift", Ct), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync("/api/projects/p/reports/drift?window=day&minAnswers=1", Ct)).StatusCode);
    }
}
