using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

using static CrowdFit.Service.Tests.TestContextExtensions;

namespace CrowdFit.Service.Tests.Findings;

/// <summary>
/// A seeded crowd for the findings endpoints: 16 honest workers w00–w15 (accuracy 0.70 to 0.95) on labels a, b, c,
/// four per task; optionally a ring r0–r2 in which r1 and r2 copy the labels of a careless leader r0; optionally a
/// shift in the last quarter of the tasks, whose true label is c four times in five.
/// </summary>
internal static class FindingsCrowd
{
    public static readonly string[] Labels = ["a", "b", "c"];
    public static readonly string[] Ring = ["r0", "r1", "r2"];

    public static List<(string Task, string Worker, string Label)> Log(int seed, int tasks, bool ring, bool shift = false)
    {
        var random = new Random(seed);
        var log = new List<(string, string, string)>();
        for (var t = 0; t < tasks; t++)
        {
            var task = $"t{t}";
            var truth = shift && t >= tasks * 3 / 4 && random.NextDouble() < 0.8 ? 2 : random.Next(Labels.Length);
            var chosen = new SortedSet<int>();
            while (chosen.Count < 4)
            {
                chosen.Add(random.Next(16));
            }

            foreach (var w in chosen)
            {
                log.Add((task, $"w{w:00}", Labels[Label(random, truth, 0.7 + (0.25 * w / 15))]));
            }

            if (!ring || random.NextDouble() >= 0.5)
            {
                continue;
            }

            var lead = Label(random, truth, 0.6);
            log.Add((task, Ring[0], Labels[lead]));
            foreach (var copier in Ring.Skip(1))
            {
                if (random.NextDouble() < 0.6)
                {
                    log.Add((task, copier, Labels[random.NextDouble() < 0.9 ? lead : random.Next(Labels.Length)]));
                }
            }
        }

        return log;
    }

    private static int Label(Random random, int truth, double accuracy)
    {
        if (random.NextDouble() < accuracy)
        {
            return truth;
        }

        var wrong = random.Next(Labels.Length - 1);
        return wrong >= truth ? wrong + 1 : wrong;
    }

    /// <summary>Settings with the models re-estimated once <paramref name="refitEvery"/> answers are in.</summary>
    public static Dictionary<string, string?> Settings(int refitEvery) => new() { ["Service:RefitEvery"] = $"{refitEvery}", ["Review:SyncSeconds"] = "0" };

    /// <summary>The service of <paramref name="app"/> on a clock the test moves.</summary>
    public static WebApplicationFactory<Program> WithClock(ServiceApp app, ManualClock clock) =>
        app.WithWebHostBuilder(b => b.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));

    /// <summary>A client of <paramref name="app"/> sending <paramref name="key"/>.</summary>
    public static HttpClient Client(WebApplicationFactory<Program> app, string? key)
    {
        var client = app.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    /// <summary>Creates project <paramref name="id"/> with the log's tasks and posts its answers in order, the clock moving <paramref name="step"/> before each.</summary>
    public static async Task PostAsync(HttpClient admin, string id, IReadOnlyList<(string Task, string Worker, string Label)> log, ManualClock? clock = null, TimeSpan step = default)
    {
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/projects", new { id, labels = Labels, aql = 0.02, maxAnswers = 5 }, Ct)).StatusCode);
        var tasks = log.Select(a => a.Task).Distinct().Select(t => new { id = t }).ToArray();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/projects/{id}/tasks", tasks, Ct)).StatusCode);
        foreach (var (task, worker, label) in log)
        {
            clock?.Advance(step);
            var response = await admin.PostAsJsonAsync($"/api/projects/{id}/answers", new { task, worker, label }, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    /// <summary>Waits until the project's models have been re-estimated <paramref name="version"/> times.</summary>
    public static async Task WaitForModelAsync(HttpClient admin, string id, int version)
    {
        for (var i = 0; i < 600; i++)
        {
            var project = await ServiceApp.JsonAsync(await admin.GetAsync($"/api/projects/{id}", Ct));
            if (project.GetProperty("modelVersion").GetInt32() >= version)
            {
                return;
            }

            await Task.Delay(25, Ct);
        }

        Assert.Fail($"Project {id} did not reach model version {version}.");
    }
}
