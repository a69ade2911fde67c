using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using static CrowdFit.Service.Tests.Review.ReviewFixture;
using static CrowdFit.Service.Tests.TestContextExtensions;

namespace CrowdFit.Service.Tests.Findings;

/// <summary>The worker's own view on the review fixture: project p1 needs qualification "en", which w1 has and w9 lacks.</summary>
public sealed class MeApiTests
{
    [Fact]
    public async Task Answers_WorkerSeesOnlyOwnRows_NewestFirst_FilteredByProject()
    {
        using var db = new TempDatabase();
        await using var f = await StartAsync(db.Path);
        await AnswerAsync(f.W1, "t0", "w1", "a");
        await AnswerAsync(f.W9, "t2", "w9", "b");
        await AnswerAsync(f.W1, "t1", "w1", "c");
        await ServiceApp.CreateProjectAsync(f.Admin, "p2", 2);
        Assert.Equal(HttpStatusCode.OK, (await f.W1.PostAsJsonAsync("/api/projects/p2/answers", new { task = "t1", worker = "w1", label = "b" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await f.Admin.PostAsJsonAsync("/api/projects/p2/answers", new { task = "t0", worker = "w9", label = "b" }, Ct)).StatusCode);

        var all = await OkJsonAsync(f.W1.GetAsync("/api/me/answers", Ct));
        var p1 = await OkJsonAsync(f.W1.GetAsync("/api/me/answers?project=p1", Ct));
        var second = await OkJsonAsync(f.W1.GetAsync("/api/me/answers?pageSize=1&page=2", Ct));
        var w9 = await OkJsonAsync(f.W9.GetAsync("/api/me/answers", Ct));
        var items = all.GetProperty("items").EnumerateArray().ToArray();

        Assert.Equal(3, all.GetProperty("total").GetInt64());
        Assert.Equal([("p2", "t1", "b"), ("p1", "t1", "c"), ("p1", "t0", "a")], items.Select(i => (i.GetProperty("project").GetString(), i.GetProperty("task").GetString(), i.GetProperty("label").GetString())));
        Assert.All(items, i => Assert.NotEqual("reject", i.GetProperty("decision").GetString()));
        Assert.All(items, i => Assert.False(i.TryGetProperty("worker", out _)));
        Assert.True(items[0].GetProperty("answer").GetInt64() > items[1].GetProperty("answer").GetInt64());
        Assert.True(DateTimeOffset.TryParse(items[0].GetProperty("receivedAt").GetString(), out _));
        Assert.Equal(2, p1.GetProperty("total").GetInt64());
        Assert.Equal("t1", Assert.Single(second.GetProperty("items").EnumerateArray()).GetProperty("task").GetString());
        Assert.Equal(2, second.GetProperty("number").GetInt32());
        Assert.Equal(2, w9.GetProperty("total").GetInt64());
        Assert.Equal(["t0", "t2"], w9.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("task").GetString()));
        Assert.Equal("reject", w9.GetProperty("items")[1].GetProperty("decision").GetString());
    }

    [Fact]
    public async Task Score_CountsOwnAnswersAndRejections_AccuracyWithinItsInterval()
    {
        using var db = new TempDatabase();
        await using var f = await StartAsync(db.Path);
        await AnswerAsync(f.W1, "t0", "w1", "a");
        await AnswerAsync(f.W9, "t0", "w9", "a");
        await AnswerAsync(f.W9, "t1", "w9", "a");

        var w9 = await OkJsonAsync(f.W9.GetAsync("/api/me/score?project=p1", Ct));
        var w1 = await OkJsonAsync(f.W1.GetAsync("/api/me/score?project=p1", Ct));

        Assert.Equal("w9", w9.GetProperty("worker").GetString());
        Assert.Equal("p1", w9.GetProperty("project").GetString());
        Assert.Equal(2, w9.GetProperty("answers").GetInt64());
        Assert.Equal(2, w9.GetProperty("rejections").GetInt64());
        Assert.Equal(1, w1.GetProperty("answers").GetInt64());
        Assert.Equal(0, w1.GetProperty("rejections").GetInt64());
        Assert.Equal(0, w1.GetProperty("modelVersion").GetInt32());
        Assert.False(w1.GetProperty("flagged").GetBoolean());
        Assert.Equal(JsonValueKind.Null, w1.GetProperty("flagReason").ValueKind);
        var accuracy = w1.GetProperty("accuracy").GetDouble();
        Assert.InRange(accuracy, w1.GetProperty("accuracyLow").GetDouble(), w1.GetProperty("accuracyHigh").GetDouble());
    }

    [Fact]
    public async Task Me_BadInputAndOtherRoles_ProblemDetails()
    {
        using var db = new TempDatabase();
        await using var f = await StartAsync(db.Path);
        using var anonymous = f.App.WithKey(null);

        await AssertProblemAsync(f.W1.GetAsync("/api/me/answers?page=0", Ct), HttpStatusCode.BadRequest, "page");
        await AssertProblemAsync(f.W1.GetAsync("/api/me/answers?pageSize=501", Ct), HttpStatusCode.BadRequest, "pageSize");
        await AssertProblemAsync(f.W1.GetAsync("/api/me/score", Ct), HttpStatusCode.BadRequest, "project");
        await AssertProblemAsync(f.W1.GetAsync("/api/me/score?project=p1&taskType=audio", Ct), HttpStatusCode.BadRequest, "taskType");
        await AssertProblemAsync(f.W1.GetAsync("/api/me/score?project=nope", Ct), HttpStatusCode.NotFound);
        foreach (var path in new[] { "/api/me/answers", "/api/me/score?project=p1" })
        {
            await AssertProblemAsync(anonymous.GetAsync(path, Ct), HttpStatusCode.Unauthorized);
            await AssertProblemAsync(f.Admin.GetAsync(path, Ct), HttpStatusCode.Forbidden);
            await AssertProblemAsync(f.Analyst.GetAsync(path, Ct), HttpStatusCode.Forbidden);
            await AssertProblemAsync(f.Requester.GetAsync(path, Ct), HttpStatusCode.Forbidden);
        }
    }
}
