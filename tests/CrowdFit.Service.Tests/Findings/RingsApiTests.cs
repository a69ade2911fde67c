using System.Net;
using System.Text.RegularExpressions;

using static CrowdFit.Service.Tests.Dashboard.DashboardForms;
using static CrowdFit.Service.Tests.Review.ReviewFixture;
using static CrowdFit.Service.Tests.TestContextExtensions;

namespace CrowdFit.Service.Tests.Findings;

public sealed partial class RingsApiTests
{
    [Fact]
    public async Task Rings_CopyingRing_ReportedWithMembersAndEvidence_MemberSeesOwnFlagWithoutOtherIds()
    {
        using var db = new TempDatabase();
        var log = FindingsCrowd.Log(3, 200, ring: true);
        await using var app = new ServiceApp(db.Path, FindingsCrowd.Settings(log.Count));
        using var admin = app.Admin();
        await FindingsCrowd.PostAsync(admin, "p", log);
        await FindingsCrowd.WaitForModelAsync(admin, "p", 1);
        using var analyst = app.WithKey(await IssueKeyAsync(admin, new { role = "analyst", name = "ana" }));
        using var r1 = app.WithKey(await IssueKeyAsync(admin, new { role = "worker", worker = "r1" }));

        var rings = await OkJsonAsync(analyst.GetAsync("/api/projects/p/reports/rings", Ct));
        var score = await OkJsonAsync(r1.GetAsync("/api/me/score?project=p", Ct));

        Assert.Equal("p", rings.GetProperty("project").GetString());
        Assert.Equal(1, rings.GetProperty("modelVersion").GetInt32());
        Assert.True(rings.GetProperty("searched").GetBoolean());
        var ring = Assert.Single(rings.GetProperty("rings").EnumerateArray());
        var members = ring.GetProperty("members").EnumerateArray().ToArray();
        Assert.Equal(FindingsCrowd.Ring, members.Select(m => m.GetProperty("worker").GetString()));
        Assert.All(members, m => Assert.Contains("wrong answers", m.GetProperty("evidence").GetString(), StringComparison.Ordinal));
        Assert.InRange(ring.GetProperty("pValue").GetDouble(), 0, 0.001);
        Assert.True(score.GetProperty("flagged").GetBoolean(), score.ToString());
        var reason = score.GetProperty("flagReason").GetString()!;
        Assert.Contains("another account", reason, StringComparison.Ordinal);
        Assert.DoesNotMatch(OtherWorker(), reason);
    }

    [Fact]
    public async Task Rings_BeforeTheFirstReEstimation_NotSearchedAndEmpty()
    {
        using var db = new TempDatabase();
        await using var app = new ServiceApp(db.Path);
        using var admin = app.Admin();
        await FindingsCrowd.PostAsync(admin, "p", FindingsCrowd.Log(1, 5, ring: true));

        var rings = await OkJsonAsync(admin.GetAsync("/api/projects/p/reports/rings", Ct));

        Assert.Equal(0, rings.GetProperty("modelVersion").GetInt32());
        Assert.False(rings.GetProperty("searched").GetBoolean());
        Assert.Empty(rings.GetProperty("rings").EnumerateArray());
    }

    [Fact]
    public async Task Rings_Roles_ReadersOnly_UnknownProjectNotFound()
    {
        using var db = new TempDatabase();
        await using var app = new ServiceApp(db.Path);
        using var admin = app.Admin();
        await FindingsCrowd.PostAsync(admin, "p", FindingsCrowd.Log(1, 2, ring: false));
        using var anonymous = app.WithKey(null);
        using var requester = app.WithKey(await IssueKeyAsync(admin, new { role = "requester" }));
        using var worker = app.WithKey(await IssueKeyAsync(admin, new { role = "worker", worker = "w01" }));

        await AssertProblemAsync(anonymous.GetAsync("/api/projects/p/reports/rings", Ct), HttpStatusCode.Unauthorized);
        await AssertProblemAsync(worker.GetAsync("/api/projects/p/reports/rings", Ct), HttpStatusCode.Forbidden);
        await AssertProblemAsync(requester.GetAsync("/api/projects/nope/reports/rings", Ct), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await requester.GetAsync("/api/projects/p/reports/rings", Ct)).StatusCode);
    }

    /// <summary>Any worker id of the crowd but r1's own.</summary>
    [GeneratedRegex(@"\b(w\d\d|r0|r2)\b")]
    private static partial Regex OtherWorker();
}
