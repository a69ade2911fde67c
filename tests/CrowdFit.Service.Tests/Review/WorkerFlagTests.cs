using System.Net.Http.Json;

using static CrowdFit.Service.Tests.Review.ReviewFixture;
using static CrowdFit.Service.Tests.TestContextExtensions;

namespace CrowdFit.Service.Tests.Review;

public sealed class WorkerFlagTests
{
    [Fact]
    public async Task Refit_FlaggedSpammers_BecomeWorkerCasesOnce_AndShowInFlags()
    {
        const int Tasks = 150;
        using var db = new TempDatabase();
        await using var app = new ServiceApp(db.Path, SpamCrowd.Settings(Tasks));
        using var admin = app.Admin();
        await ServiceApp.CreateProjectAsync(admin, "p1", Tasks);
        var log = SpamCrowd.Answers(Tasks, 3);
        await Parallel.ForEachAsync(Enumerable.Range(0, 4), Ct, async (lane, ct) =>
        {
            for (var i = lane; i < log.Count; i += 4)
            {
                var (task, worker, label) = log[i];
                (await admin.PostAsJsonAsync("/api/projects/p1/answers", new { task, worker, label }, ct)).EnsureSuccessStatusCode();
            }
        });
        await SpamCrowd.ModelVersionAsync(admin, 1);

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
