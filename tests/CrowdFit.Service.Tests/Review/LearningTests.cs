using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CrowdFit.Service.Audit;
using Dapper;

using static CrowdFit.Service.Tests.Review.ReviewFixture;
using static CrowdFit.Service.Tests.TestContextExtensions;

namespace CrowdFit.Service.Tests.Review;

/// <summary>
/// Analysts' decisions train the supervised fraud model in the live engine; re-estimations' changes reach the decision
/// log once; an overturned appeal counts its answer again, also after a restart.
/// </summary>
public sealed class LearningTests
{
    [Fact]
    public async Task Decisions_TrainTheSupervisedModel_HealthShowsSkippedThenTrained()
    {
        using var db = new TempDatabase();
        await using var f = await StartAsync(db.Path);
        var admin = f.Admin;
        for (var q = 1; q <= 3; q++)
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/projects/p1/workers", new { id = $"q{q}", qualifications = new[] { "en" } }, Ct)).StatusCode);
        }

        // Fifty tasks: an unqualified worker's answer (rejected), then three qualified ones that finish the task.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/projects/p1/tasks", Enumerable.Range(4, 46).Select(t => new { id = $"t{t}" }), Ct)).StatusCode);
        for (var t = 0; t < 50; t++)
        {
            Assert.Equal("reject", (await AnswerAsync(admin, $"t{t}", $"u{t % 10}", "b")).GetProperty("action").GetString());
            for (var q = 1; q <= 3; q++)
            {
                await AnswerAsync(admin, $"t{t}", $"q{q}", "a");
            }
        }

        var before = await HealthAsync(admin);
        var cases = (await OkJsonAsync(f.Analyst.GetAsync("/api/projects/p1/review?pageSize=100", Ct))).GetProperty("items").EnumerateArray()
            .Select(c => (Id: c.GetProperty("id").GetInt64(), Worker: c.GetProperty("worker").GetString()!)).ToList();
        var fraudWorkers = new[] { "u0", "u1", "u2", "u3", "u4" };
        foreach (var c in cases.Where(c => c.Worker == "u0"))
        {
            await OkJsonAsync(f.Analyst.PostAsJsonAsync($"/api/projects/p1/review/{c.Id}/confirm", new { note = "random labels" }, Ct));
        }

        // Each decision requests a re-estimation; the one after the last decision has all five.
        var skipped = await WaitForAsync(
            admin, s => s.GetProperty("state").GetString() == "skipped" && s.GetProperty("reason").GetString()!.EndsWith("has 5 and 0", StringComparison.Ordinal));
        foreach (var c in cases.Where(c => c.Worker != "u0"))
        {
            var fraud = fraudWorkers.Contains(c.Worker);
            await OkJsonAsync(f.Analyst.PostAsJsonAsync($"/api/projects/p1/review/{c.Id}/{(fraud ? "confirm" : "clear")}", new { note = fraud ? "random labels" : "honest" }, Ct));
        }

        var trained = await WaitForAsync(
            admin, s => s.GetProperty("state").GetString() == "trained" && s.GetProperty("fraudAnswers").GetInt32() == 25 && s.GetProperty("clearedAnswers").GetInt32() == 25);
        using var connection = db.Open();
        var verification = DecisionLog.Verify(connection);

        Assert.Equal(50, cases.Count);
        Assert.Equal("off", before.GetProperty("state").GetString());
        Assert.Equal(0, before.GetProperty("decisions").GetInt32());
        Assert.Equal(5, skipped.GetProperty("decisions").GetInt32());
        Assert.Equal("needs at least 10 confirmed-fraud and 20 cleared answers; has 5 and 0", skipped.GetProperty("reason").GetString());
        Assert.Equal(5, skipped.GetProperty("fraudAnswers").GetInt32());
        Assert.Equal(50, trained.GetProperty("decisions").GetInt32());
        Assert.Equal(JsonValueKind.Null, trained.GetProperty("reason").ValueKind);
        Assert.True(trained.GetProperty("modelVersion").GetInt32() > skipped.GetProperty("modelVersion").GetInt32());
        Assert.True(verification.Intact, verification.Problem);
    }

    [Fact]
    public async Task ReEstimation_AcceptsOpenTasks_LoggedOnceAcrossARestart()
    {
        using var db = new TempDatabase();
        var settings = new Dictionary<string, string?>(Settings) { ["Service:RefitEvery"] = "100", ["Audit:ChangeSeconds"] = "0.1" };
        List<(string Task, string Action, string Reasons, int Version, long? Answer)> logged;
        await using (var app = new ServiceApp(db.Path, settings))
        {
            using var admin = app.Admin();
            await ServiceApp.CreateProjectAsync(admin, "p2", 40);

            // Three agreeing answers deliver t0..t29; two leave t30..t39 open under the prior, until the
            // re-estimation at answer 100 learns how accurate w1 and w2 are.
            for (var t = 0; t < 40; t++)
            {
                foreach (var worker in t < 30 ? new[] { "w1", "w2", "w3" } : ["w1", "w2"])
                {
                    (await admin.PostAsJsonAsync("/api/projects/p2/answers", new { task = $"t{t}", worker, label = "a" }, Ct)).EnsureSuccessStatusCode();
                }
            }

            for (var i = 0; i < 300 && Changes(db).Count == 0; i++)
            {
                await Task.Delay(50, Ct);
            }

            await Task.Delay(300, Ct);
            logged = Changes(db);
        }


        await using (var again = new ServiceApp(db.Path, settings))
        {
            using var admin = again.Admin();
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/projects/p2/reports/health", Ct)).StatusCode);
            await Task.Delay(300, Ct);
        }

        using var connection = db.Open();
        var verification = DecisionLog.Verify(connection);

        Assert.NotEmpty(logged);
        Assert.All(logged, e => Assert.Equal("accept", e.Action));
        Assert.All(logged, e => Assert.Null(e.Answer));
        Assert.All(logged, e => Assert.Equal(1, e.Version));
        Assert.All(logged, e => Assert.StartsWith("[\"re-estimation 1: the re-estimated models changed its posterior\"", e.Reasons, StringComparison.Ordinal));
        Assert.Subset(Enumerable.Range(30, 10).Select(t => $"t{t}").ToHashSet(), logged.Select(e => e.Task).ToHashSet());
        Assert.Equal(logged.Count, logged.Select(e => e.Task).Distinct().Count());
        Assert.Equal(logged, Changes(db));
        Assert.True(verification.Intact, verification.Problem);
    }

    [Fact]
    public async Task OverturnedAppeal_CountsTheAnswerAgain_AlsoAfterARestart()
    {
        using var db = new TempDatabase();
        long answerId;
        long appealId;
        await using (var f = await StartAsync(db.Path))
        {
            await AnswerAsync(f.W1, "t0", "w1", "a");
            answerId = (await AnswerAsync(f.W9, "t0", "w9", "a")).GetProperty("answerId").GetInt64();
            var before = await OkJsonAsync(f.Admin.GetAsync("/api/projects/p1/tasks/t0", Ct));
            appealId = (await OkJsonAsync(f.W9.PostAsJsonAsync("/api/me/appeals", new { answer = answerId, message = "I hold the en certificate." }, Ct), HttpStatusCode.Created))
                .GetProperty("id").GetInt64();
            await OkJsonAsync(f.Analyst.PostAsJsonAsync($"/api/appeals/{appealId}/answer", new { outcome = "overturned", explanation = "Certificate checked." }, Ct));
            var after = await OkJsonAsync(f.Admin.GetAsync("/api/projects/p1/tasks/t0", Ct));

            Assert.Equal(1, before.GetProperty("answers").GetInt32());
            Assert.Equal(2, after.GetProperty("answers").GetInt32());
        }

        await using var restarted = await RestartAsync(db.Path);
        var replayed = await OkJsonAsync(restarted.Admin.GetAsync("/api/projects/p1/tasks/t0", Ct));
        using var connection = db.Open();
        var entries = connection.Query<(string Action, string Actor, string Reasons, long? Answer)>(
            "select action, actor, reasons, answer_id from decision_log where project_id = 'p1' order by position").ToList();
        var verification = DecisionLog.Verify(connection);

        Assert.Equal(2, replayed.GetProperty("answers").GetInt32());
        Assert.Equal(["extend", "reject", "overturn", "extend"], entries.Select(e => e.Action));
        Assert.Equal(["engine", "engine", "ana", "engine"], entries.Select(e => e.Actor));
        Assert.Null(entries[3].Answer);
        Assert.StartsWith($"[\"answer {answerId} of worker w9 counted again: appeal {appealId} overturned\"", entries[3].Reasons, StringComparison.Ordinal);
        Assert.True(verification.Intact, verification.Problem);
    }

    private static List<(string Task, string Action, string Reasons, int Version, long? Answer)> Changes(TempDatabase db)
    {
        using var connection = db.Open();
        return [.. connection.Query<(string, string, string, int, long?)>(
            "select task_id, action, reasons, model_version, answer_id from decision_log where project_id = 'p2' and actor = 'engine' and answer_id is null order by position")];
    }

    private static async Task<JsonElement> HealthAsync(HttpClient client) =>
        (await OkJsonAsync(client.GetAsync("/api/projects/p1/reports/health", Ct))).GetProperty("supervised");

    /// <summary>Polls the health report until the supervised model's state passes the test (a re-estimation runs in the background).</summary>
    private static async Task<JsonElement> WaitForAsync(HttpClient client, Func<JsonElement, bool> done)
    {
        var state = await HealthAsync(client);
        for (var i = 0; i < 600 && !done(state); i++)
        {
            await Task.Delay(50, Ct);
            state = await HealthAsync(client);
        }

        Assert.True(done(state), state.ToString());
        return state;
    }
}
