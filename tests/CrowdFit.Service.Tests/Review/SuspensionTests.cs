using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CrowdFit.Service.Audit;
using Dapper;

using static CrowdFit.Service.Tests.Dashboard.DashboardForms;
using static CrowdFit.Service.Tests.Review.ReviewFixture;
using static CrowdFit.Service.Tests.TestContextExtensions;

namespace CrowdFit.Service.Tests.Review;

/// <summary>
/// Suspensions: a crowd of sixteen honest workers and four uniform spammers is re-estimated once, which opens worker
/// cases for the spammers; an analyst confirming one suspends that worker, clearing a later case of theirs lifts it.
/// </summary>
public sealed class SuspensionTests
{
    private const int Tasks = 150;

    [Fact]
    public async Task ConfirmWorkerCase_SuspendsAcrossRestart_ClearLiftsIt()
    {
        using var db = new TempDatabase();
        long caseId;
        string worker;
        await using (var app = await StartAsync(db.Path))
        {
            using var admin = app.Admin();
            using var analyst = app.WithKey(await IssueKeyAsync(admin, new { role = "analyst", name = "ana" }));
            (caseId, worker) = await WorkerCaseAsync(analyst);
            using var spammer = app.WithKey(await IssueKeyAsync(admin, new { role = "worker", worker }));

            await OkJsonAsync(analyst.PostAsJsonAsync($"/api/projects/p1/review/{caseId}/confirm", new { note = "random labels" }, Ct));
            var rejected = await AnswerAsync(spammer, "fresh0", worker, "a");
            var next = await spammer.GetAsync($"/api/projects/p1/assignments/next?worker={worker}", Ct);
            var honest = await admin.GetAsync("/api/projects/p1/assignments/next?worker=w1", Ct);
            var score = await OkJsonAsync(spammer.GetAsync("/api/me/score?project=p1", Ct));
            var card = await ScorecardAsync(admin, worker);

            Assert.StartsWith("spam", worker, StringComparison.Ordinal);
            Assert.Equal("reject", rejected.GetProperty("action").GetString());
            Assert.Equal($"answer not counted: the worker is suspended (case {caseId} confirmed as fraud)", rejected.GetProperty("reasons")[0].GetString());
            Assert.Equal(HttpStatusCode.NoContent, next.StatusCode);
            Assert.Equal(HttpStatusCode.OK, honest.StatusCode);
            Assert.True(score.GetProperty("suspended").GetBoolean());
            Assert.True(card.GetProperty("suspended").GetBoolean());
            Assert.False((await ScorecardAsync(admin, "w1")).GetProperty("suspended").GetBoolean());
        }

        var entries = Log(db);
        var confirm = entries.FindIndex(e => e.Action == "confirm");
        Assert.True(confirm >= 0);
        Assert.Equal(("suspend", "ana", worker), (entries[confirm + 1].Action, entries[confirm + 1].Actor, entries[confirm + 1].Label));
        Assert.Contains($"case {caseId} confirmed as fraud", entries[confirm + 1].Reasons, StringComparison.Ordinal);
        Assert.Contains("random labels", entries[confirm + 1].Reasons, StringComparison.Ordinal);
        Assert.Single(entries, e => e.Action == "suspend");

        // A later flag of the same worker, as the review queue stores it, decided after the restart.
        long later;
        using (var store = db.Open())
        {
            later = store.ExecuteScalar<long>("select max(id) + 1 from review_cases");
            store.Execute(
                """
                insert into review_cases (id, project_id, kind, worker_id, task_id, answer_id, reasons, fraud_probability, model_version, opened_at, status)
                select @later, project_id, kind, worker_id, task_id, answer_id, reasons, fraud_probability, model_version, opened_at, 'open'
                from review_cases where id = @caseId
                """,
                new { later, caseId });
        }

        await using (var app = new ServiceApp(db.Path, Settings))
        {
            using var admin = app.Admin();
            using var analyst = app.WithKey(await IssueKeyAsync(admin, new { role = "analyst", name = "ana" }));
            using var spammer = app.WithKey(await IssueKeyAsync(admin, new { role = "worker", worker }));

            var rejected = await AnswerAsync(spammer, "fresh1", worker, "a");
            var next = await spammer.GetAsync($"/api/projects/p1/assignments/next?worker={worker}", Ct);
            await OkJsonAsync(analyst.PostAsJsonAsync($"/api/projects/p1/review/{later}/clear", new { note = "checked by hand" }, Ct));
            var score = await OkJsonAsync(spammer.GetAsync("/api/me/score?project=p1", Ct));
            var card = await ScorecardAsync(admin, worker);
            var afterLift = await AnswerAsync(spammer, "fresh2", worker, "a");
            var honest = await AnswerAsync(admin, "fresh2", "w1", "a");

            Assert.Equal($"answer not counted: the worker is suspended (case {caseId} confirmed as fraud)", rejected.GetProperty("reasons")[0].GetString());
            Assert.Equal(HttpStatusCode.NoContent, next.StatusCode);
            Assert.DoesNotContain(afterLift.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("suspended", StringComparison.Ordinal));
            Assert.NotEqual("reject", honest.GetProperty("action").GetString());
            Assert.False(score.GetProperty("suspended").GetBoolean());
            Assert.False(card.GetProperty("suspended").GetBoolean());
        }

        var after = Log(db);
        var lift = Assert.Single(after, e => e.Action == "lift");
        Assert.Equal(("ana", worker), (lift.Actor, lift.Label));
        Assert.Contains("cleared", lift.Reasons, StringComparison.Ordinal);
        Assert.Equal("clear", after[after.IndexOf(lift) - 1].Action);
        using var connection = db.Open();
        var verification = DecisionLog.Verify(connection);
        Assert.True(verification.Intact, verification.Problem);
    }

    [Fact]
    public async Task AppealOverturned_OfSuspendedWorker_LiftsTheSuspension()
    {
        using var db = new TempDatabase();
        await using (var f = await ReviewFixture.StartAsync(db.Path))
        {
            await AnswerAsync(f.W9, "t0", "w9", "a");
        }

        using (var store = db.Open())
        {
            // A flag of w9, as the review queue stores it after a re-estimation.
            store.Execute(
                """
                insert into review_cases (id, project_id, kind, worker_id, reasons, fraud_probability, model_version, opened_at, status)
                values (1000, 'p1', 'worker', 'w9', '["answers at random"]', 0.9, 1, '2026-01-01T00:00:00.0000000+00:00', 'open')
                """);
        }

        await using var app = await ReviewFixture.RestartAsync(db.Path);
        await OkJsonAsync(app.Analyst.PostAsJsonAsync("/api/projects/p1/review/1000/confirm", new { note = "random labels" }, Ct));
        var rejected = await AnswerAsync(app.W9, "t1", "w9", "a");
        var suspended = await OkJsonAsync(app.W9.GetAsync("/api/me/score?project=p1", Ct));
        var filed = await OkJsonAsync(
            app.W9.PostAsJsonAsync("/api/me/appeals", new { answer = rejected.GetProperty("answerId").GetInt64(), message = "I answered with care." }, Ct), HttpStatusCode.Created);
        await OkJsonAsync(app.Analyst.PostAsJsonAsync($"/api/appeals/{filed.GetProperty("id").GetInt64()}/answer", new { outcome = "overturned", explanation = "Labels checked." }, Ct));
        var lifted = await OkJsonAsync(app.W9.GetAsync("/api/me/score?project=p1", Ct));
        var entries = Log(db);

        Assert.Equal("answer not counted: the worker is suspended (case 1000 confirmed as fraud)", rejected.GetProperty("reasons")[0].GetString());
        Assert.True(suspended.GetProperty("suspended").GetBoolean());
        Assert.False(lifted.GetProperty("suspended").GetBoolean());
        Assert.Equal(["reject", "confirm", "suspend", "reject", "overturn", "lift"], entries.Select(e => e.Action).Take(6));
        Assert.Equal(("ana", "w9"), (entries[5].Actor, entries[5].Label));
        Assert.Contains("appeal", entries[5].Reasons, StringComparison.Ordinal);
        using var connection = db.Open();
        var verification = DecisionLog.Verify(connection);
        Assert.True(verification.Intact, verification.Problem);
    }

    /// <summary>The service with project p1 (tasks t0..t149 answered by the crowd, fresh0..fresh3 unanswered), re-estimated once.</summary>
    private static async Task<ServiceApp> StartAsync(string path)
    {
        var app = new ServiceApp(path, SpamCrowd.Settings(Tasks));
        using var admin = app.Admin();
        await ServiceApp.CreateProjectAsync(admin, "p1", Tasks);
        (await admin.PostAsJsonAsync("/api/projects/p1/tasks", Enumerable.Range(0, 4).Select(t => new { id = $"fresh{t}" }), Ct)).EnsureSuccessStatusCode();
        foreach (var (task, worker, label) in SpamCrowd.Answers(Tasks, 3))
        {
            (await admin.PostAsJsonAsync("/api/projects/p1/answers", new { task, worker, label }, Ct)).EnsureSuccessStatusCode();
        }

        await SpamCrowd.ModelVersionAsync(admin, 1);
        return app;
    }

    /// <summary>The first open worker case: its id and worker.</summary>
    private static async Task<(long Id, string Worker)> WorkerCaseAsync(HttpClient analyst)
    {
        var cases = await OkJsonAsync(analyst.GetAsync("/api/projects/p1/review?kind=worker&pageSize=100", Ct));
        var first = cases.GetProperty("items")[0];
        return (first.GetProperty("id").GetInt64(), first.GetProperty("worker").GetString()!);
    }

    private static async Task<JsonElement> ScorecardAsync(HttpClient admin, string worker)
    {
        var page = await OkJsonAsync(admin.GetAsync("/api/projects/p1/reports/workers?pageSize=100", Ct));
        return page.GetProperty("items").EnumerateArray().Single(w => w.GetProperty("worker").GetString() == worker);
    }

    private static List<(string Action, string Actor, string? Label, string Reasons)> Log(TempDatabase db)
    {
        using var connection = db.Open();
        return [.. connection.Query<(string, string, string?, string)>("select action, actor, label, reasons from decision_log where project_id = 'p1' order by position")];
    }
}
