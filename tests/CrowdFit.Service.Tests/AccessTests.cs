using System.Net;
using System.Net.Http.Json;
using static CrowdFit.Service.Tests.TestContextExtensions;

namespace CrowdFit.Service.Tests;

public sealed class AccessTests
{
    private static async Task<string> IssueAsync(HttpClient admin, object request)
    {
        var response = await admin.PostAsJsonAsync("/api/keys", request, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await ServiceApp.JsonAsync(response)).GetProperty("key").GetString()!;
    }

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)status, (await ServiceApp.JsonAsync(response)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Keys_RolesDecideWhatEachKeyMayDo()
    {
        using var db = new TempDatabase();
        await using var app = new ServiceApp(db.Path);
        using var admin = app.Admin();
        await ServiceApp.CreateProjectAsync(admin, "p1", 3);
        using var worker = app.WithKey(await IssueAsync(admin, new { role = "worker", worker = "w1" }));
        using var analyst = app.WithKey(await IssueAsync(admin, new { role = "analyst" }));
        using var requester = app.WithKey(await IssueAsync(admin, new { role = "requester" }));
        using var anonymous = app.WithKey(null);
        using var forged = app.WithKey("cfk_not-a-key");

        await AssertProblem(await anonymous.GetAsync("/api/projects/p1", Ct), HttpStatusCode.Unauthorized);
        await AssertProblem(await forged.GetAsync("/api/projects/p1", Ct), HttpStatusCode.Unauthorized);
        await AssertProblem(await worker.PostAsJsonAsync("/api/projects", new { id = "p2", labels = new[] { "a", "b" } }, Ct), HttpStatusCode.Forbidden);
        await AssertProblem(await worker.PostAsJsonAsync("/api/projects/p1/answers", new { task = "t0", worker = "w2", label = "a" }, Ct), HttpStatusCode.Forbidden);
        await AssertProblem(await worker.GetAsync("/api/projects/p1/assignments/next?worker=w2", Ct), HttpStatusCode.Forbidden);
        await AssertProblem(await worker.GetAsync("/api/projects/p1/tasks/t0", Ct), HttpStatusCode.Forbidden);
        await AssertProblem(await analyst.PostAsJsonAsync("/api/projects/p1/answers", new { task = "t0", worker = "w2", label = "a" }, Ct), HttpStatusCode.Forbidden);
        await AssertProblem(await requester.PostAsJsonAsync("/api/keys", new { role = "admin" }, Ct), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await worker.PostAsJsonAsync("/api/projects/p1/answers", new { task = "t0", worker = "w1", label = "a" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync("/api/projects/p1/assignments/next?worker=w1", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync("/api/projects/p1/tasks/t0", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await requester.PostAsJsonAsync("/api/projects", new { id = "p2", labels = new[] { "a", "b" } }, Ct)).StatusCode);
    }

    [Fact]
    public async Task Keys_IssuedKeySurvivesRestart_StoredOnlyAsHash()
    {
        using var db = new TempDatabase();
        string key;
        await using (var app = new ServiceApp(db.Path))
        {
            using var admin = app.Admin();
            key = await IssueAsync(admin, new { role = "requester" });
        }

        await using var restarted = new ServiceApp(db.Path);
        using var requester = restarted.WithKey(key);
        var created = await requester.PostAsJsonAsync("/api/projects", new { id = "p9", labels = new[] { "x", "y" } }, Ct);
        using var connection = db.Open();
        var hashes = new Microsoft.Data.Sqlite.SqliteCommand("select group_concat(hash) from api_keys", connection).ExecuteScalar() as string;

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.DoesNotContain(key, hashes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RateLimit_OverThePermits_Returns429Problem()
    {
        using var db = new TempDatabase();
        await using var app = new ServiceApp(db.Path, new() { ["Service:RatePermits"] = "5", ["Service:RateWindowSeconds"] = "60" });
        using var admin = app.Admin();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 7; i++)
        {
            last = await admin.GetAsync("/api/projects/none", Ct);
            statuses.Add(last.StatusCode);
        }

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.NotFound));
        await AssertProblem(last, HttpStatusCode.TooManyRequests);
    }
}
