using System.Net;
using System.Net.Http.Json;
using CrowdFit.Service.Audit;
using Dapper;

using static CrowdFit.Service.Tests.Review.ReviewFixture;
using static CrowdFit.Service.Tests.TestContextExtensions;

namespace CrowdFit.Service.Tests.Review;

public sealed class ReviewFlowTests
{
    [Fact]
    public async Task RejectedAnswer_ConfirmedThenAppealOverturned_LoggedAndVerified()
    {
        using var db = new TempDatabase();
        await using var f = await StartAsync(db.Path);
        var rejected = await AnswerAsync(f.W9, "t0", "w9", "a");
        var answerId = rejected.GetProperty("answerId").GetInt64();

        var queue = await OkJsonAsync(f.Analyst.GetAsync("/api/projects/p1/review", Ct));
        var open = queue.GetProperty("items")[0];
        var caseId = open.GetProperty("id").GetInt64();
        var confirmed = await OkJsonAsync(f.Analyst.PostAsJsonAsync($"/api/projects/p1/review/{caseId}/confirm", new { note = "no qualification, answered anyway" }, Ct));
        var csv = await f.Analyst.GetStringAsync("/api/projects/p1/review/confirmations.csv", Ct);
        var rejections = await OkJsonAsync(f.W9.GetAsync("/api/me/rejections", Ct));
        var filed = await OkJsonAsync(f.W9.PostAsJsonAsync("/api/me/appeals", new { answer = answerId, message = "I hold the en certificate." }, Ct), HttpStatusCode.Created);
        var appealId = filed.GetProperty("id").GetInt64();
        var pending = await OkJsonAsync(f.Analyst.GetAsync("/api/appeals", Ct));
        var answered = await OkJsonAsync(f.Analyst.PostAsJsonAsync($"/api/appeals/{appealId}/answer", new { outcome = "overturned", explanation = "Certificate checked." }, Ct));
        var mine = await OkJsonAsync(f.W9.GetAsync("/api/me/appeals", Ct));
        using var connection = db.Open();
        var verification = DecisionLog.Verify(connection);
        var entries = connection.Query<(string Action, string Actor, string Reasons, long? Answer)>(
            "select action, actor, reasons, answer_id from decision_log where project_id = 'p1' order by position").ToList();

        Assert.Equal("reject", rejected.GetProperty("action").GetString());
        Assert.Equal(1, queue.GetProperty("total").GetInt64());
        Assert.Equal("answer", open.GetProperty("kind").GetString());
        Assert.Equal("w9", open.GetProperty("worker").GetString());
        Assert.Equal("t0", open.GetProperty("task").GetString());
        Assert.Equal(answerId, open.GetProperty("answer").GetInt64());
        Assert.Equal(rejected.GetProperty("reasons").ToString(), open.GetProperty("reasons").ToString());
        Assert.Equal("confirmed", confirmed.GetProperty("status").GetString());
        Assert.Equal("ana", confirmed.GetProperty("analyst").GetString());
        Assert.Equal("task,worker,decision\nt0,w9,fraud\n", csv);
        Assert.Equal(1, rejections.GetProperty("total").GetInt64());
        Assert.Equal("confirmed", rejections.GetProperty("items")[0].GetProperty("review").GetString());
        Assert.Equal(rejected.GetProperty("reasons").ToString(), rejections.GetProperty("items")[0].GetProperty("reasons").ToString());
        Assert.Equal(appealId, pending.GetProperty("items")[0].GetProperty("id").GetInt64());
        Assert.Equal("overturned", answered.GetProperty("status").GetString());
        Assert.Equal("overturned", mine.GetProperty("items")[0].GetProperty("status").GetString());
        Assert.Equal("Certificate checked.", mine.GetProperty("items")[0].GetProperty("explanation").GetString());
        Assert.True(verification.Intact, verification.Problem);
        Assert.Equal(["reject", "confirm", "overturn", "extend"], entries.Select(e => e.Action));
        Assert.Equal(["engine", "ana", "ana", "engine"], entries.Select(e => e.Actor));
        Assert.Contains("no qualification, answered anyway", entries[1].Reasons, StringComparison.Ordinal);
        Assert.Contains("Certificate checked.", entries[2].Reasons, StringComparison.Ordinal);
        Assert.All(entries[..3], e => Assert.Equal(answerId, e.Answer));
        Assert.Null(entries[3].Answer);
    }

    [Fact]
    public async Task ClearedCase_ExportsOk_AndEachAnswerOpensOneCase()
    {
        using var db = new TempDatabase();
        await using var f = await StartAsync(db.Path);
        await AnswerAsync(f.W9, "t0", "w9", "a");
        await AnswerAsync(f.W9, "t1", "w9", "b");
        await AnswerAsync(f.W1, "t1", "w1", "b");

        var first = await OkJsonAsync(f.Analyst.GetAsync("/api/projects/p1/review?pageSize=1", Ct));
        var again = await OkJsonAsync(f.Analyst.GetAsync("/api/projects/p1/review?page=2&pageSize=1", Ct));
        var second = again.GetProperty("items")[0].GetProperty("id").GetInt64();
        await OkJsonAsync(f.Analyst.PostAsJsonAsync($"/api/projects/p1/review/{second}/clear", new { note = "looks honest" }, Ct));
        var open = await OkJsonAsync(f.Analyst.GetAsync("/api/projects/p1/review", Ct));
        var cleared = await OkJsonAsync(f.Analyst.GetAsync("/api/projects/p1/review?status=cleared", Ct));
        var csv = await f.Analyst.GetStringAsync("/api/projects/p1/review/confirmations.csv", Ct);

        Assert.Equal(2, first.GetProperty("total").GetInt64());
        Assert.Single(first.GetProperty("items").EnumerateArray());
        Assert.Equal("t0", first.GetProperty("items")[0].GetProperty("task").GetString());
        Assert.Equal("t1", again.GetProperty("items")[0].GetProperty("task").GetString());
        Assert.Equal(1, open.GetProperty("total").GetInt64());
        Assert.Equal(second, cleared.GetProperty("items")[0].GetProperty("id").GetInt64());
        Assert.Equal("task,worker,decision\nt1,w9,ok\n", csv);
    }

    [Fact]
    public async Task Restart_KeepsCasesAndAppeals_WithoutOpeningThemAgain()
    {
        using var db = new TempDatabase();
        long answerId;
        string casesBefore, appealsBefore;
        await using (var f = await StartAsync(db.Path))
        {
            answerId = (await AnswerAsync(f.W9, "t0", "w9", "a")).GetProperty("answerId").GetInt64();
            await AnswerAsync(f.W9, "t1", "w9", "a");
            var caseId = (await OkJsonAsync(f.Analyst.GetAsync("/api/projects/p1/review", Ct))).GetProperty("items")[0].GetProperty("id").GetInt64();
            await OkJsonAsync(f.Analyst.PostAsJsonAsync($"/api/projects/p1/review/{caseId}/confirm", new { note = "confirmed" }, Ct));
            await OkJsonAsync(f.W9.PostAsJsonAsync("/api/me/appeals", new { answer = answerId, message = "please look again" }, Ct), HttpStatusCode.Created);
            casesBefore = await f.Analyst.GetStringAsync("/api/projects/p1/review?status=all", Ct);
            appealsBefore = await f.Analyst.GetStringAsync("/api/appeals?status=all", Ct);
        }

        await using var restarted = await RestartAsync(db.Path);
        var casesAfter = await restarted.Analyst.GetStringAsync("/api/projects/p1/review?status=all", Ct);
        var appealsAfter = await restarted.Analyst.GetStringAsync("/api/appeals?status=all", Ct);
        var mine = await OkJsonAsync(restarted.W9.GetAsync("/api/me/appeals", Ct));
        await AnswerAsync(restarted.W9, "t2", "w9", "a");
        var grown = await OkJsonAsync(restarted.Analyst.GetAsync("/api/projects/p1/review?status=all", Ct));
        var ids = grown.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetInt64()).ToList();

        Assert.Equal(casesBefore, casesAfter);
        Assert.Equal(appealsBefore, appealsAfter);
        Assert.Equal(answerId, mine.GetProperty("items")[0].GetProperty("answer").GetInt64());
        Assert.Equal(3, ids.Count);
        Assert.Equal(ids.Distinct().Count(), ids.Count);
    }
}
