using System.Net;
using System.Net.Http.Json;
using CrowdFit.Service.Tests.Storage;
using Dapper;

using static CrowdFit.Service.Tests.TestContextExtensions;
using static CrowdFit.Service.Tests.Workforce.WorkforceApp;

namespace CrowdFit.Service.Tests.Workforce;

/// <summary>A project's pay and its answers' start times are stored and read back after a restart, on each storage provider.</summary>
public abstract class PayStorageTests<TStore>
    where TStore : TestStore, new()
{
    [Fact]
    public async Task Restart_KeepsPayAndStartTimes()
    {
        using var store = new TStore();
        var clock = new ManualClock(T0);
        string before;
        await using (var app = new ServiceApp(store))
        {
            using var admin = Admin(OnClock(app, clock));
            var body = new { id = "kept", labels = new[] { "a", "b" }, pay = new { reward = 0.25, currency = "EUR", floorPerHour = 12.5 } };
            await OkAsync(admin.PostAsJsonAsync("/api/projects", body, Ct), HttpStatusCode.Created);
            await OkAsync(admin.PostAsJsonAsync("/api/projects/kept/tasks", new[] { new { id = "t0", type = "box" }, new { id = "t1", type = "box" } }, Ct));
            await AnswerAsync(admin, clock, "kept", "t0", "w1", T0.AddSeconds(45), T0);
            await AnswerAsync(admin, clock, "kept", "t1", "w1", T0.AddSeconds(60), null);
            before = await admin.GetStringAsync("/api/projects/kept/reports/pay", Ct);
        }

        using var connection = store.Open();
        var stored = connection.Query<string?>("select started_at from answers order by id").ToList();
        await using var restarted = new ServiceApp(store);
        using var again = Admin(OnClock(restarted, clock));
        var after = await again.GetStringAsync("/api/projects/kept/reports/pay", Ct);
        var project = await OkAsync(again.GetAsync("/api/projects/kept", Ct));
        var pay = await OkAsync(again.GetAsync("/api/projects/kept/reports/pay", Ct));

        Assert.Equal(["2025-05-01T12:00:00.0000000+00:00", null], stored);
        Assert.Equal(before, after);
        Assert.Equal("EUR", project.GetProperty("pay").GetProperty("currency").GetString());
        Assert.Equal(12.5, project.GetProperty("pay").GetProperty("floorPerHour").GetDouble());
        Assert.Equal(0.25 / (45.0 / 3600), pay.GetProperty("hourlyPay").GetDouble(), 9);
        Assert.Equal(1, pay.GetProperty("unknownTimeAnswers").GetInt32());
    }
}
