using System.Net;
using System.Net.Http.Json;
using CrowdFit.Live;
using CrowdFit.Service.Projects;
using CrowdFit.Service.Tests.Storage;

using static CrowdFit.Service.Tests.TestContextExtensions;

namespace CrowdFit.Service.Tests;

/// <summary>Answers, restarts and exports against the service, on each storage provider.</summary>
public abstract class ServiceFlowTests<TStore>
    where TStore : TestStore, new()
{
    private static readonly string[] s_labels = ["a", "b", "c"];

    /// <summary>A seeded stream of answers: eight workers, the first five mostly right (truth is task index mod 3).</summary>
    private static List<(string Task, string Worker, string Label)> Answers(int tasks, int perTask, int seed)
    {
        var random = new Random(seed);
        var answers = new List<(string, string, string)>();
        for (var round = 0; round < perTask; round++)
        {
            for (var t = 0; t < tasks; t++)
            {
                var worker = (t + (round * 3)) % 8;
                var right = worker < 5 ? random.NextDouble() < 0.85 : random.NextDouble() < 0.4;
                var label = right ? s_labels[t % 3] : s_labels[(t + 1 + random.Next(2)) % 3];
                answers.Add(($"t{t}", $"w{worker}", label));
            }
        }

        return answers;
    }

    [Fact]
    public async Task SubmitAnswers_DecisionsMatchLiveProjectFedTheSameAnswers()
    {
        using var db = new TStore();
        await using var app = new ServiceApp(db);
        using var admin = app.Admin();
        await ServiceApp.CreateProjectAsync(admin, "p1", 30);
        var local = new LiveProject(ProjectHost.Options(s_labels, 0.05, 5, new RequirementsDto(null, null, null), 500) with { Background = false });
        for (var t = 0; t < 30; t++)
        {
            local.AddTask($"t{t}");
        }

        foreach (var (task, worker, label) in Answers(30, 3, 7))
        {
            var response = await admin.PostAsJsonAsync("/api/projects/p1/answers", new { task, worker, label }, Ct);
            var body = await ServiceApp.JsonAsync(response);
            var expected = local.Submit(task, worker, label);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(expected.Kind.ToString().ToLowerInvariant(), body.GetProperty("action").GetString());
            Assert.Equal(expected.More, body.GetProperty("extraAnswers").GetInt32());
            Assert.Equal(expected.Label < 0 ? null : local.Labels[expected.Label], body.GetProperty("label").GetString());
            Assert.Equal(expected.Confidence, body.GetProperty("confidence").GetDouble(), 12);
            Assert.Equal(expected.Reasons, body.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!));
        }
    }

    [Fact]
    public async Task Restart_RebuildsSameStateFromTheFile()
    {
        using var db = new TStore();
        var before = new List<string>();
        await using (var app = new ServiceApp(db))
        {
            using var admin = app.Admin();
            await ServiceApp.CreateProjectAsync(admin, "p1", 20);
            await admin.PostAsJsonAsync("/api/projects/p1/gold", new[] { new { task = "g1", label = "b" } }, Ct);
            await admin.PostAsJsonAsync("/api/projects/p1/workers", new { id = "w1", country = "DE", qualifications = new[] { "en" } }, Ct);
            foreach (var (task, worker, label) in Answers(20, 2, 11))
            {
                Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/projects/p1/answers", new { task, worker, label }, Ct)).StatusCode);
            }

            await admin.PostAsJsonAsync("/api/projects/p1/answers", new { task = "g1", worker = "w1", label = "b" }, Ct);
            for (var t = 0; t < 20; t++)
            {
                before.Add(await admin.GetStringAsync($"/api/projects/p1/tasks/t{t}", Ct));
            }

            before.Add(await admin.GetStringAsync("/api/projects/p1/tasks/g1", Ct));
            before.Add(await admin.GetStringAsync("/api/projects/p1/labels?all=true", Ct));
        }

        await using var restarted = new ServiceApp(db);
        using var again = restarted.Admin();
        var after = new List<string>();
        for (var t = 0; t < 20; t++)
        {
            after.Add(await again.GetStringAsync($"/api/projects/p1/tasks/t{t}", Ct));
        }

        after.Add(await again.GetStringAsync("/api/projects/p1/tasks/g1", Ct));
        after.Add(await again.GetStringAsync("/api/projects/p1/labels?all=true", Ct));
        var project = await ServiceApp.JsonAsync(await again.GetAsync("/api/projects/p1", Ct));

        Assert.Equal(before, after);
        Assert.Equal(41, project.GetProperty("answers").GetInt32());
        Assert.Equal(21, project.GetProperty("tasks").GetInt32());
    }

    [Fact]
    public async Task Restart_WithReestimationsDuringReplay_RebuildsTheSameStateEveryTime()
    {
        using var db = new TStore();
        var refitEvery = new Dictionary<string, string?> { ["Service:RefitEvery"] = "40" };
        await using (var app = new ServiceApp(db, refitEvery))
        {
            using var admin = app.Admin();
            await ServiceApp.CreateProjectAsync(admin, "p1", 40);
            foreach (var (task, worker, label) in Answers(40, 3, 5))
            {
                await admin.PostAsJsonAsync("/api/projects/p1/answers", new { task, worker, label }, Ct);
            }
        }

        async Task<(string Csv, int Version)> Restart()
        {
            await using var app = new ServiceApp(db, refitEvery);
            using var admin = app.Admin();
            var project = await ServiceApp.JsonAsync(await admin.GetAsync("/api/projects/p1", Ct));
            return (await admin.GetStringAsync("/api/projects/p1/labels?all=true", Ct), project.GetProperty("modelVersion").GetInt32());
        }

        var first = await Restart();
        var second = await Restart();

        Assert.Equal(first, second);
        Assert.Equal(3, first.Version);
    }

    [Fact]
    public async Task LabelsAndAssignments_FollowTheDecisions()
    {
        using var db = new TStore();
        await using var app = new ServiceApp(db);
        using var admin = app.Admin();
        await ServiceApp.CreateProjectAsync(admin, "p1", 3, maxAnswers: 3);
        foreach (var worker in new[] { "w1", "w2", "w3" })
        {
            await admin.PostAsJsonAsync("/api/projects/p1/answers", new { task = "t0", worker, label = "a" }, Ct);
        }

        var csv = await admin.GetStringAsync("/api/projects/p1/labels", Ct);
        var next = await admin.GetAsync("/api/projects/p1/assignments/next?worker=w1", Ct);
        var assignment = await ServiceApp.JsonAsync(next);
        var status = await ServiceApp.JsonAsync(await admin.GetAsync("/api/projects/p1/tasks/t0", Ct));

        Assert.Equal("accepted", status.GetProperty("status").GetString());
        Assert.StartsWith("task,label,confidence\nt0,a,0.", csv, StringComparison.Ordinal);
        Assert.Equal(2, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.NotEqual("t0", assignment.GetProperty("task").GetString());
        Assert.True(status.GetProperty("posterior").GetProperty("a").GetDouble() > 0.95);
    }

    [Fact]
    public async Task NextAssignment_NothingLeft_Returns204()
    {
        using var db = new TStore();
        await using var app = new ServiceApp(db);
        using var admin = app.Admin();
        await ServiceApp.CreateProjectAsync(admin, "p1", 1, maxAnswers: 2);
        await admin.PostAsJsonAsync("/api/projects/p1/answers", new { task = "t0", worker = "w1", label = "a" }, Ct);

        var response = await admin.GetAsync("/api/projects/p1/assignments/next?worker=w1", Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }
}
