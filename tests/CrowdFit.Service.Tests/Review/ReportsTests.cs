using System.Net.Http.Json;

using static CrowdFit.Service.Tests.Review.ReviewFixture;
using static CrowdFit.Service.Tests.TestContextExtensions;

namespace CrowdFit.Service.Tests.Review;

public sealed class ReportsTests
{
    [Fact]
    public async Task Health_CountsAnswersTasksAndThroughput()
    {
        using var db = new TempDatabase();
        await using var f = await StartAsync(db.Path);
        await f.Admin.PostAsJsonAsync("/api/projects/p1/gold", new[] { new { task = "g1", label = "b" } }, Ct);
        await f.Admin.PostAsJsonAsync("/api/projects/p1/workers", new { id = "w2", qualifications = new[] { "en" } }, Ct);
        await f.Admin.PostAsJsonAsync("/api/projects/p1/workers", new { id = "w3", qualifications = new[] { "en" } }, Ct);
        foreach (var worker in new[] { "w1", "w2", "w3" })
        {
            await AnswerAsync(f.Admin, "t0", worker, "a");
        }

        await AnswerAsync(f.Admin, "t1", "w1", "b");
        await AnswerAsync(f.W9, "t1", "w9", "b");

        var health = await OkJsonAsync(f.Analyst.GetAsync("/api/projects/p1/reports/health", Ct));
        var minutes = health.GetProperty("throughput").GetProperty("minutes").EnumerateArray().Select(m => m.GetInt64()).ToList();
        var aql = health.GetProperty("aql");

        Assert.Equal(5, health.GetProperty("answers").GetInt64());
        Assert.Equal(1, health.GetProperty("answersByDecision").GetProperty("reject").GetInt64());
        Assert.Equal(5, health.GetProperty("tasks").GetInt32());
        Assert.Equal(1, health.GetProperty("tasksByStatus").GetProperty("gold").GetInt32());
        Assert.Equal(1, health.GetProperty("tasksByStatus").GetProperty("accepted").GetInt32());
        Assert.Equal(3, health.GetProperty("tasksByStatus").GetProperty("open").GetInt32());
        Assert.Equal(5 / 4.0, health.GetProperty("labelsPerTask").GetDouble(), 12);
        Assert.Equal(4 / 4.0, health.GetProperty("countedLabelsPerTask").GetDouble(), 12);
        Assert.Equal(1, aql.GetProperty("delivered").GetInt32());
        Assert.Equal(0.25, aql.GetProperty("deliveredShare").GetDouble(), 12);
        Assert.Equal(0.05, aql.GetProperty("target").GetDouble(), 12);
        Assert.True(aql.GetProperty("expectedError").GetDouble() < 0.05);
        Assert.Equal(60, minutes.Count);
        Assert.Equal(5, minutes.Sum());
        Assert.Equal(5, health.GetProperty("throughput").GetProperty("lastHour").GetInt64());
        Assert.Equal(5 / 60.0, health.GetProperty("throughput").GetProperty("perMinute").GetDouble(), 12);
    }

    [Fact]
    public async Task Workers_ScorecardCountsAnswersRejectionsAndOpenCases()
    {
        using var db = new TempDatabase();
        await using var f = await StartAsync(db.Path);
        await AnswerAsync(f.W1, "t0", "w1", "a");
        await AnswerAsync(f.W9, "t0", "w9", "a");
        await AnswerAsync(f.W9, "t1", "w9", "a");
        await OkJsonAsync(f.Analyst.GetAsync("/api/projects/p1/review", Ct));

        var page = await OkJsonAsync(f.Requester.GetAsync("/api/projects/p1/reports/workers", Ct));
        var rows = page.GetProperty("items").EnumerateArray().ToDictionary(r => r.GetProperty("worker").GetString()!);
        var flags = await OkJsonAsync(f.Analyst.GetAsync("/api/projects/p1/reports/flags", Ct));

        Assert.Equal(2, page.GetProperty("total").GetInt64());
        Assert.Equal(1, rows["w1"].GetProperty("answers").GetInt64());
        Assert.Equal(0, rows["w1"].GetProperty("rejections").GetInt64());
        Assert.Equal(2, rows["w9"].GetProperty("answers").GetInt64());
        Assert.Equal(2, rows["w9"].GetProperty("rejections").GetInt64());
        Assert.Equal(2, rows["w9"].GetProperty("openCases").GetInt64());
        Assert.False(rows["w9"].GetProperty("flagged").GetBoolean());
        Assert.InRange(rows["w1"].GetProperty("accuracy").GetDouble(), 0.0, 1.0);
        Assert.Equal(2, flags.GetProperty("openCases").GetInt64());
        Assert.Empty(flags.GetProperty("workers").EnumerateArray());
    }

    [Fact]
    public async Task OpenApiDocument_ListsReviewAppealAndReportRoutes()
    {
        using var db = new TempDatabase();
        await using var app = new ServiceApp(db.Path, Settings);
        using var anonymous = app.WithKey(null);

        var document = await ServiceApp.JsonAsync(await anonymous.GetAsync("/openapi/v1.json", Ct));
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();

        Assert.Superset(
            new HashSet<string>
            {
                "/api/projects/{id}/review", "/api/projects/{id}/review/{case}/confirm", "/api/projects/{id}/review/{case}/clear",
                "/api/projects/{id}/review/confirmations.csv", "/api/me/rejections", "/api/me/appeals", "/api/appeals",
                "/api/appeals/{appeal}/answer", "/api/projects/{id}/reports/health", "/api/projects/{id}/reports/workers",
                "/api/projects/{id}/reports/flags",
            },
            paths);
    }
}
