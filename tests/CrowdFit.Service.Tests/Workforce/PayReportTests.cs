using System.Net;
using System.Net.Http.Json;

using static CrowdFit.Service.Tests.Review.ReviewFixture;
using static CrowdFit.Service.Tests.TestContextExtensions;
using static CrowdFit.Service.Tests.Workforce.WorkforceApp;

namespace CrowdFit.Service.Tests.Workforce;

public sealed class PayReportTests
{
    private static readonly string[] s_labels = ["a", "b", "c"];

    /// <summary>
    /// Project "pay" pays 0.10 USD an answer with a floor of 7.00/h. Tasks t0–t3 are "easy", t4–t5 "hard". Worked by
    /// hand: w1 takes 120 s on t0 (3.00/h) and 30 s on t4 (12.00/h), 4.80/h overall; w2 takes 30 s on t1 (12.00/h) and
    /// 20 s on t5 (18.00/h), 14.40/h overall; w4 answers t3 with no start. Each worker's claims are over 300 s apart, so
    /// no gap counts as work.
    /// </summary>
    private static async Task<HttpClient> SeedAsync(ServiceApp app, ManualClock clock)
    {
        var admin = Admin(OnClock(app, clock));
        await OkAsync(admin.PostAsJsonAsync("/api/projects", new { id = "pay", labels = s_labels, pay = new { reward = 0.10, currency = "USD", floorPerHour = 7.0 } }, Ct), HttpStatusCode.Created);
        await OkAsync(admin.PostAsJsonAsync("/api/projects/pay/tasks", Enumerable.Range(0, 6).Select(t => new { id = $"t{t}", type = t < 4 ? "easy" : "hard" }), Ct));
        await AnswerAsync(admin, clock, "pay", "t0", "w1", T0.AddSeconds(120), T0);
        await AnswerAsync(admin, clock, "pay", "t1", "w2", T0.AddSeconds(130), T0.AddSeconds(100));
        await AnswerAsync(admin, clock, "pay", "t3", "w4", T0.AddSeconds(200), null);
        await AnswerAsync(admin, clock, "pay", "t4", "w1", T0.AddSeconds(1030), T0.AddSeconds(1000));
        await AnswerAsync(admin, clock, "pay", "t5", "w2", T0.AddSeconds(1040), T0.AddSeconds(1020));
        return admin;
    }

    [Fact]
    public async Task Pay_HandWorkedLog_MediansPerTypeAndWorkerRatesMatch()
    {
        using var db = new TempDatabase();
        await using var app = new ServiceApp(db.Path);
        var clock = new ManualClock(T0);
        using var admin = await SeedAsync(app, clock);

        var pay = await OkAsync(admin.GetAsync("/api/projects/pay/reports/pay", Ct));
        var project = await OkAsync(admin.GetAsync("/api/projects/pay", Ct));

        Assert.Equal(JsonValueKindNull, pay.GetProperty("skippedBecause").ValueKind);
        Assert.Equal(5, pay.GetProperty("answers").GetInt32());
        Assert.Equal(4, pay.GetProperty("timedAnswers").GetInt32());
        Assert.Equal(1, pay.GetProperty("unknownTimeAnswers").GetInt32());
        Assert.StartsWith("1 of 5 answers have no usable start", pay.GetProperty("timing").GetString(), StringComparison.Ordinal);
        Assert.Equal(0.5, pay.GetProperty("paid").GetDouble(), 9);
        Assert.Equal(200.0 / 3600, pay.GetProperty("hours").GetDouble(), 9);
        Assert.Equal(7.2, pay.GetProperty("hourlyPay").GetDouble(), 9);
        Assert.Equal(2, pay.GetProperty("workersWithRate").GetInt32());
        Assert.Equal(1, pay.GetProperty("workersBelowFloor").GetInt32());
        var easy = pay.GetProperty("taskTypes")[0];
        var hard = pay.GetProperty("taskTypes")[1];
        Assert.Equal("easy", easy.GetProperty("name").GetString());
        Assert.Equal(3, easy.GetProperty("answers").GetInt32());
        Assert.Equal(3.0, easy.GetProperty("medianHourlyPay").GetDouble(), 9);
        Assert.Equal(0.8, easy.GetProperty("shareOfHoursBelowFloor").GetDouble(), 9);
        Assert.True(easy.GetProperty("medianBelowFloor").GetBoolean());
        Assert.Equal("hard", hard.GetProperty("name").GetString());
        Assert.Equal(12.0, hard.GetProperty("medianHourlyPay").GetDouble(), 9);
        Assert.Equal(14.4, hard.GetProperty("hourlyPay").GetDouble(), 9);
        Assert.False(hard.GetProperty("medianBelowFloor").GetBoolean());
        var workers = pay.GetProperty("workers");
        Assert.Equal(["w1", "w2", "w4"], workers.EnumerateArray().Select(w => w.GetProperty("worker").GetString()));
        Assert.Equal(4.8, workers[0].GetProperty("hourlyPay").GetDouble(), 9);
        Assert.True(workers[0].GetProperty("belowFloor").GetBoolean());
        Assert.Equal((7.0 * 150 / 3600) - 0.2, workers[0].GetProperty("shortfall").GetDouble(), 9);
        Assert.Equal(14.4, workers[1].GetProperty("hourlyPay").GetDouble(), 9);
        Assert.Null(Number(workers[2], "hourlyPay"));
        Assert.Equal(1, workers[2].GetProperty("unknownTimeAnswers").GetInt32());
        Assert.Single(pay.GetProperty("flags").EnumerateArray());
        Assert.Contains("'easy'", pay.GetProperty("flags")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0.10, project.GetProperty("pay").GetProperty("reward").GetDouble(), 9);
        Assert.Equal("USD", project.GetProperty("pay").GetProperty("currency").GetString());
        Assert.Equal(7.0, project.GetProperty("pay").GetProperty("floorPerHour").GetDouble(), 9);
    }

    [Fact]
    public async Task Answer_WithoutStartedAt_TakesTheHandOutTimeOfNextAssignment()
    {
        using var db = new TempDatabase();
        await using var app = new ServiceApp(db.Path);
        var clock = new ManualClock(T0);
        var factory = OnClock(app, clock);
        using var admin = Admin(factory);
        await OkAsync(admin.PostAsJsonAsync("/api/projects", new { id = "one", labels = s_labels, pay = new { reward = 0.05 } }, Ct), HttpStatusCode.Created);
        await OkAsync(admin.PostAsJsonAsync("/api/projects/one/tasks", new[] { new { id = "t0" }, new { id = "t1" } }, Ct));
        using var w1 = await KeyAsync(factory, admin, new { role = "worker", worker = "w1" });

        var next = await OkAsync(w1.GetAsync("/api/projects/one/assignments/next?worker=w1", Ct));
        var task = next.GetProperty("task").GetString()!;
        await AnswerAsync(w1, clock, "one", task, "w1", T0.AddSeconds(90), null);
        var other = task == "t0" ? "t1" : "t0";
        await AnswerAsync(w1, clock, "one", other, "w1", T0.AddSeconds(3000), null);
        var pay = await OkAsync(admin.GetAsync("/api/projects/one/reports/pay", Ct));

        var worker = Find(pay.GetProperty("workers"), "worker", "w1");
        Assert.Equal(2, worker.GetProperty("answers").GetInt32());
        Assert.Equal(1, worker.GetProperty("unknownTimeAnswers").GetInt32());
        Assert.Equal(0.05 / (90.0 / 3600), worker.GetProperty("hourlyPay").GetDouble(), 9);
        Assert.Equal("USD", pay.GetProperty("currency").GetString());
        Assert.Equal(7.25, pay.GetProperty("floor").GetDouble(), 9);
    }

    [Fact]
    public async Task Pay_ProjectWithoutPay_SaysWhyInsteadOfGuessing()
    {
        using var db = new TempDatabase();
        await using var app = new ServiceApp(db.Path);
        using var admin = app.Admin();
        await ServiceApp.CreateProjectAsync(admin, "nopay", 2);
        await OkAsync(admin.PostAsJsonAsync("/api/projects/nopay/answers", new { task = "t0", worker = "w1", label = "a" }, Ct));

        var pay = await OkAsync(admin.GetAsync("/api/projects/nopay/reports/pay", Ct));
        var project = await OkAsync(admin.GetAsync("/api/projects/nopay", Ct));

        Assert.Contains("without pay", pay.GetProperty("skippedBecause").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, pay.GetProperty("unknownTimeAnswers").GetInt32());
        Assert.Empty(pay.GetProperty("workers").EnumerateArray());
        Assert.Equal(JsonValueKindNull, project.GetProperty("pay").ValueKind);
    }

    [Fact]
    public async Task InvalidPayAndStartedAt_Answer400NamingTheField()
    {
        using var db = new TempDatabase();
        await using var app = new ServiceApp(db.Path);
        using var admin = app.Admin();
        await ServiceApp.CreateProjectAsync(admin, "p", 1);
        object Project(object pay) => new { id = "q", labels = s_labels, pay };
        object Answer(string startedAt) => new { task = "t0", worker = "w1", label = "a", startedAt };

        await AssertProblemAsync(admin.PostAsJsonAsync("/api/projects", Project(new { reward = -0.1 }), Ct), HttpStatusCode.BadRequest, "pay.reward");
        await AssertProblemAsync(admin.PostAsJsonAsync("/api/projects", Project(new { currency = "USD" }), Ct), HttpStatusCode.BadRequest, "pay.reward");
        await AssertProblemAsync(admin.PostAsJsonAsync("/api/projects", Project(new { reward = 0.1, currency = "usd" }), Ct), HttpStatusCode.BadRequest, "pay.currency");
        await AssertProblemAsync(admin.PostAsJsonAsync("/api/projects", Project(new { reward = 0.1, floorPerHour = 0 }), Ct), HttpStatusCode.BadRequest, "pay.floorPerHour");
        await AssertProblemAsync(
            admin.PostAsync("/api/projects", new StringContent("""{"id":"q","labels":["a","b"],"pay":{"reward":"lots"}}""", System.Text.Encoding.UTF8, "application/json"), Ct),
            HttpStatusCode.BadRequest);
        await AssertProblemAsync(admin.PostAsJsonAsync("/api/projects/p/answers", Answer("yesterday"), Ct), HttpStatusCode.BadRequest, "startedAt");
        await AssertProblemAsync(admin.PostAsJsonAsync("/api/projects/p/answers", Answer("2025-05-01T12:00:00"), Ct), HttpStatusCode.BadRequest, "startedAt");
        await AssertProblemAsync(admin.PostAsJsonAsync("/api/projects/p/answers", Answer("2025-13-01T12:00:00Z"), Ct), HttpStatusCode.BadRequest, "startedAt");
        await AssertProblemAsync(admin.PostAsJsonAsync("/api/projects/p/answers", Answer("2999-01-01T00:00:00+02:00"), Ct), HttpStatusCode.BadRequest, "startedAt");
        await AssertProblemAsync(admin.GetAsync("/api/projects/nope/reports/pay", Ct), HttpStatusCode.NotFound);
        await AssertProblemAsync(admin.GetAsync("/api/projects/nope/reports/fairness", Ct), HttpStatusCode.NotFound);
        Assert.Equal(0, (await OkAsync(admin.GetAsync("/api/projects/p", Ct))).GetProperty("answers").GetInt32());
    }

    [Fact]
    public async Task Reports_NeedAReaderKey()
    {
        using var db = new TempDatabase();
        await using var app = new ServiceApp(db.Path);
        var factory = OnClock(app, new ManualClock(T0));
        using var admin = Admin(factory);
        await ServiceApp.CreateProjectAsync(admin, "p", 1);
        using var worker = await KeyAsync(factory, admin, new { role = "worker", worker = "w1" });
        using var analyst = await KeyAsync(factory, admin, new { role = "analyst" });
        using var requester = await KeyAsync(factory, admin, new { role = "requester" });
        using var anonymous = factory.CreateClient();

        foreach (var report in new[] { "pay", "fairness" })
        {
            var path = $"/api/projects/p/reports/{report}";
            await AssertProblemAsync(anonymous.GetAsync(path, Ct), HttpStatusCode.Unauthorized);
            await AssertProblemAsync(worker.GetAsync(path, Ct), HttpStatusCode.Forbidden);
            Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync(path, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await requester.GetAsync(path, Ct)).StatusCode);
        }
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
