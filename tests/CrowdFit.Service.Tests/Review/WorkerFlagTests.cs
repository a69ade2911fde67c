using System.Net.Http.Json;

using static CrowdFit.Service.Tests.Review.ReviewFixture;
using static CrowdFit.Service.Tests.TestContextExtensions;

namespace CrowdFit.Service.Tests.Review;

public sealed class WorkerFlagTests
{
    private static readonly string[] s_labels = ["a", "b", "c"];

    /// <summary>Sixteen honest workers (accuracy 0.75 to 0.95) and four uniform spammers, five answers per task; truth is task index mod 3.</summary>
    private static List<(string Task, string Worker, string Label)> Crowd(int tasks, int seed)
    {
        var random = new Random(seed);
        var log = new List<(string, string, string)>();
        for (var round = 0; round < 5; round++)
        {
            for (var t = 0; t < tasks; t++)
            {
                var w = ((t * 7) + (round * 4)) % 20;
                var worker = w < 16 ? $"w{w}" : $"spam{w - 16}";
                var right = w < 16 && random.NextDouble() < 0.75 + (w * 0.0125);
                var label = w >= 16 ? s_labels[random.Next(3)] : right ? s_labels[t % 3] : s_labels[(t + 1 + random.Next(2)) % 3];
                log.Add(($"t{t}", worker, label));
            }
        }

        return log;
    }

    [Fact]
    public async Task Refit_FlaggedSpammers_BecomeWorkerCasesOnce_AndShowInFlags()
    {
        const int Tasks = 150;
        using var db = new TempDatabase();
        await using var app = new ServiceApp(db.Path, new(Settings) { ["Service:RefitEvery"] = $"{Tasks * 5}" });
        using var admin = app.Admin();
        await ServiceApp.CreateProjectAsync(admin, "p1", Tasks);
        var log = Crowd(Tasks, 3);
        await Parallel.ForEachAsync(Enumerable.Range(0, 4), Ct, async (lane, ct) =>
        {
            for (var i = lane; i < log.Count; i += 4)
            {
                var (task, worker, label) = log[i];
                (await admin.PostAsJsonAsync("/api/projects/p1/answers", new { task, worker, label }, ct)).EnsureSuccessStatusCode();
            }
        });
        for (var i = 0; i < 600 && (await ServiceApp.JsonAsync(await admin.GetAsync("/api/projects/p1", Ct))).GetProperty("modelVersion").GetInt32() < 1; i++)
        {
            await Task.Delay(50, Ct);
        }

        var cases = await OkJsonAsync(admin.GetAsync("/api/projects/p1/review?kind=worker&pageSize=100", Ct));
        var again = await OkJsonAsync(admin.GetAsync("/api/projects/p1/review?kind=worker&pageSize=100", Ct));
        var flags = await OkJsonAsync(admin.GetAsync("/api/projects/p1/reports/flags", Ct));
        var workers = cases.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("worker").GetString()).ToHashSet();

        Assert.Superset(new HashSet<string?> { "spam0", "spam1", "spam2", "spam3" }, workers);
        Assert.All(workers, w => Assert.StartsWith("spam", w, StringComparison.Ordinal));
        Assert.Equal(cases.GetProperty("total").GetInt64(), again.GetProperty("total").GetInt64());
        Assert.All(cases.GetProperty("items").EnumerateArray(), c => Assert.True(c.GetProperty("fraudProbability").GetDouble() > 0));
        Assert.Equal(workers, flags.GetProperty("workers").EnumerateArray().Select(w => w.GetProperty("worker").GetString()).ToHashSet());
        Assert.All(flags.GetProperty("workers").EnumerateArray(), w => Assert.Equal("open", w.GetProperty("caseStatus").GetString()));
    }
}
