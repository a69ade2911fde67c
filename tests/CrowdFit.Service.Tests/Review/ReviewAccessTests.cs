using System.Net;
using System.Net.Http.Json;

using static CrowdFit.Service.Tests.Review.ReviewFixture;
using static CrowdFit.Service.Tests.TestContextExtensions;

namespace CrowdFit.Service.Tests.Review;

public sealed class ReviewAccessTests
{
    [Fact]
    public async Task Roles_OnlyAnalystsReview_OnlyWorkersAppeal_WorkersSeeOnlyTheirOwn()
    {
        using var db = new TempDatabase();
        await using var f = await StartAsync(db.Path);
        var answerId = (await AnswerAsync(f.W9, "t0", "w9", "a")).GetProperty("answerId").GetInt64();
        var caseId = (await OkJsonAsync(f.Admin.GetAsync("/api/projects/p1/review", Ct))).GetProperty("items")[0].GetProperty("id").GetInt64();
        var appealId = (await OkJsonAsync(f.W9.PostAsJsonAsync("/api/me/appeals", new { answer = answerId, message = "mine" }, Ct), HttpStatusCode.Created)).GetProperty("id").GetInt64();
        using var anonymous = f.App.WithKey(null);

        await AssertProblemAsync(anonymous.GetAsync("/api/projects/p1/review", Ct), HttpStatusCode.Unauthorized);
        await AssertProblemAsync(anonymous.GetAsync("/api/me/rejections", Ct), HttpStatusCode.Unauthorized);
        await AssertProblemAsync(f.W9.GetAsync("/api/projects/p1/review", Ct), HttpStatusCode.Forbidden);
        await AssertProblemAsync(f.Requester.GetAsync("/api/projects/p1/review", Ct), HttpStatusCode.Forbidden);
        await AssertProblemAsync(f.W9.PostAsJsonAsync($"/api/projects/p1/review/{caseId}/clear", new { note = "me" }, Ct), HttpStatusCode.Forbidden);
        await AssertProblemAsync(f.W9.GetAsync("/api/projects/p1/review/confirmations.csv", Ct), HttpStatusCode.Forbidden);
        await AssertProblemAsync(f.W9.GetAsync("/api/appeals", Ct), HttpStatusCode.Forbidden);
        await AssertProblemAsync(f.W9.PostAsJsonAsync($"/api/appeals/{appealId}/answer", new { outcome = "overturned", explanation = "me" }, Ct), HttpStatusCode.Forbidden);
        await AssertProblemAsync(f.W9.GetAsync("/api/projects/p1/reports/workers", Ct), HttpStatusCode.Forbidden);
        await AssertProblemAsync(f.Analyst.GetAsync("/api/me/rejections", Ct), HttpStatusCode.Forbidden);
        await AssertProblemAsync(f.Admin.PostAsJsonAsync("/api/me/appeals", new { answer = answerId, message = "as admin" }, Ct), HttpStatusCode.Forbidden);
        await AssertProblemAsync(f.W1.PostAsJsonAsync("/api/me/appeals", new { answer = answerId, message = "not mine" }, Ct), HttpStatusCode.NotFound);
        var otherRejections = await OkJsonAsync(f.W1.GetAsync("/api/me/rejections", Ct));
        var otherAppeals = await OkJsonAsync(f.W1.GetAsync("/api/me/appeals", Ct));
        var ownAppeals = await OkJsonAsync(f.W9.GetAsync("/api/me/appeals", Ct));
        Assert.Equal(0, otherRejections.GetProperty("total").GetInt64());
        Assert.Equal(0, otherAppeals.GetProperty("total").GetInt64());
        Assert.Equal(1, ownAppeals.GetProperty("total").GetInt64());
        Assert.Equal(HttpStatusCode.OK, (await f.Requester.GetAsync("/api/projects/p1/reports/health", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await f.Analyst.PostAsJsonAsync($"/api/projects/p1/review/{caseId}/clear", new { note = "ok" }, Ct)).StatusCode);
    }

    [Fact]
    public async Task InvalidRequests_AnswerProblemDetails()
    {
        using var db = new TempDatabase();
        await using var f = await StartAsync(db.Path);
        var rejected = (await AnswerAsync(f.W9, "t0", "w9", "a")).GetProperty("answerId").GetInt64();
        var counted = (await AnswerAsync(f.W1, "t0", "w1", "a")).GetProperty("answerId").GetInt64();
        var caseId = (await OkJsonAsync(f.Analyst.GetAsync("/api/projects/p1/review", Ct))).GetProperty("items")[0].GetProperty("id").GetInt64();
        await OkJsonAsync(f.Analyst.PostAsJsonAsync($"/api/projects/p1/review/{caseId}/confirm", new { note = "yes" }, Ct));
        var appealId = (await OkJsonAsync(f.W9.PostAsJsonAsync("/api/me/appeals", new { answer = rejected, message = "why" }, Ct), HttpStatusCode.Created)).GetProperty("id").GetInt64();
        await OkJsonAsync(f.Analyst.PostAsJsonAsync($"/api/appeals/{appealId}/answer", new { outcome = "upheld", explanation = "Rules are rules." }, Ct));

        await AssertProblemAsync(f.Analyst.GetAsync("/api/projects/nope/review", Ct), HttpStatusCode.NotFound);
        await AssertProblemAsync(f.Analyst.GetAsync("/api/projects/p1/review?status=maybe", Ct), HttpStatusCode.BadRequest, "status");
        await AssertProblemAsync(f.Analyst.GetAsync("/api/projects/p1/review?kind=task", Ct), HttpStatusCode.BadRequest, "kind");
        await AssertProblemAsync(f.Analyst.GetAsync("/api/projects/p1/review?pageSize=0", Ct), HttpStatusCode.BadRequest, "pageSize");
        await AssertProblemAsync(f.Analyst.GetAsync("/api/projects/p1/review?page=0", Ct), HttpStatusCode.BadRequest, "page");
        await AssertProblemAsync(f.Analyst.PostAsJsonAsync("/api/projects/p1/review/999/confirm", new { note = "x" }, Ct), HttpStatusCode.NotFound);
        await AssertProblemAsync(f.Analyst.PostAsJsonAsync($"/api/projects/p1/review/{caseId}/clear", new { note = "changed my mind" }, Ct), HttpStatusCode.Conflict);
        await AssertProblemAsync(f.Analyst.PostAsJsonAsync($"/api/projects/p1/review/{caseId}/confirm", new { note = "  " }, Ct), HttpStatusCode.BadRequest, "note");
        await AssertProblemAsync(f.Analyst.PostAsJsonAsync($"/api/projects/p1/review/{caseId}/confirm", new { }, Ct), HttpStatusCode.BadRequest, "note");
        await AssertProblemAsync(f.Analyst.PostAsJsonAsync($"/api/projects/p1/review/{caseId}/confirm", new { note = new string('n', 2001) }, Ct), HttpStatusCode.BadRequest, "note");
        await AssertProblemAsync(f.W9.PostAsJsonAsync("/api/me/appeals", new { answer = rejected, message = "again" }, Ct), HttpStatusCode.Conflict);
        await AssertProblemAsync(f.W1.PostAsJsonAsync("/api/me/appeals", new { answer = counted, message = "it was counted" }, Ct), HttpStatusCode.Conflict);
        await AssertProblemAsync(f.W9.PostAsJsonAsync("/api/me/appeals", new { message = "which?" }, Ct), HttpStatusCode.BadRequest, "answer");
        await AssertProblemAsync(f.W9.PostAsJsonAsync("/api/me/appeals", new { answer = rejected }, Ct), HttpStatusCode.BadRequest, "message");
        await AssertProblemAsync(f.W9.PostAsJsonAsync("/api/me/appeals", new { answer = 424242, message = "none" }, Ct), HttpStatusCode.NotFound);
        await AssertProblemAsync(f.Analyst.PostAsJsonAsync($"/api/appeals/{appealId}/answer", new { outcome = "overturned", explanation = "no" }, Ct), HttpStatusCode.Conflict);
        await AssertProblemAsync(f.Analyst.PostAsJsonAsync($"/api/appeals/{appealId}/answer", new { outcome = "maybe", explanation = "no" }, Ct), HttpStatusCode.BadRequest, "outcome");
        await AssertProblemAsync(f.Analyst.PostAsJsonAsync($"/api/appeals/{appealId}/answer", new { outcome = "upheld" }, Ct), HttpStatusCode.BadRequest, "explanation");
        await AssertProblemAsync(f.Analyst.PostAsJsonAsync("/api/appeals/777/answer", new { outcome = "upheld", explanation = "x" }, Ct), HttpStatusCode.NotFound);
        await AssertProblemAsync(f.Analyst.GetAsync("/api/appeals?status=closed", Ct), HttpStatusCode.BadRequest, "status");
        await AssertProblemAsync(f.W9.GetAsync("/api/me/rejections?pageSize=501", Ct), HttpStatusCode.BadRequest, "pageSize");
        await AssertProblemAsync(f.Analyst.GetAsync("/api/projects/nope/reports/health", Ct), HttpStatusCode.NotFound);
    }
}
