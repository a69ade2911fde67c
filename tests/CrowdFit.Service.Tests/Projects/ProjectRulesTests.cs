using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using static CrowdFit.Service.Tests.TestContextExtensions;
using static CrowdFit.Service.Tests.Workforce.WorkforceApp;

namespace CrowdFit.Service.Tests.Projects;

/// <summary>A project's hard fraud rules: checked by the engine's reader at creation, returned, and applied by the live engine.</summary>
public sealed class ProjectRulesTests
{
    public static TheoryData<string, string> BadRules => new()
    {
        { """{ "rules": [ { "name": "q", "kind": "min-seconds", "seconds": 2 }, { "name": "r", "kind": "min-seconds", "seconds": -1 } ] }""", "rules[1].seconds" },
        { """{ "rules": [ { "name": "q", "kind": "too-fast", "seconds": 2 } ] }""", "rules[0].kind" },
        { """[ { "name": "q", "kind": "max-rate", "answers": 5, "second": 60 } ]""", "rules[0].second" },
        { """{ "rules": [ { "name": "q", "kind": "min-seconds", "seconds": 2 }, { "name": "q", "kind": "max-seconds", "seconds": 9 } ] }""", "rules[1].name" },
        { """{ "worker_share": 2, "rules": [ { "name": "q", "kind": "min-seconds", "seconds": 2 } ] }""", "worker_share" },
        { """{ "rule": [] }""", "rule" },
        { """[]""", "rules" },
        { "\"too-quick\"", "rules" },
    };

    [Theory]
    [MemberData(nameof(BadRules))]
    public async Task Create_BadRules_Returns400NamingRulesAndTheField(string rules, string field)
    {
        using var db = new TempDatabase();
        await using var app = new ServiceApp(db.Path);
        using var admin = app.Admin();

        var body = new { id = "p1", labels = new[] { "a", "b" }, rules = JsonSerializer.Deserialize<JsonElement>(rules) };
        var response = await admin.PostAsJsonAsync("/api/projects", body, Ct);
        var problem = await ServiceApp.JsonAsync(response);
        var missing = await admin.GetAsync("/api/projects/p1", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = Assert.Single(problem.GetProperty("errors").GetProperty("rules").EnumerateArray()).GetString();
        Assert.StartsWith($"The rules are not valid: {field}: ", message, StringComparison.Ordinal);
        Assert.Contains("(line 1 of the rules)", message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Create_BadRuleOnLaterLine_NamesThatLine()
    {
        using var db = new TempDatabase();
        await using var app = new ServiceApp(db.Path);
        using var admin = app.Admin();
        var rules = RulesCrowd.Rules.Replace("\"seconds\": 60", "\"seconds\": \"60\"", StringComparison.Ordinal);
        using var body = new StringContent($$"""{ "id": "p1", "labels": ["a", "b"], "rules": {{rules}} }""", System.Text.Encoding.UTF8, "application/json");

        var response = await admin.PostAsync("/api/projects", body, Ct);
        var message = (await ServiceApp.JsonAsync(response)).GetProperty("errors").GetProperty("rules")[0].GetString();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The rules are not valid: rules[1].seconds: expected a number, found a string (line 5 of the rules).", message);
    }

    [Fact]
    public async Task Create_RulesAsArray_GetReturnsThemAsARuleFile_WithTheUncheckableOnesNamed()
    {
        using var db = new TempDatabase();
        await using var app = new ServiceApp(db.Path);
        using var admin = app.Admin();
        var rules = """[ { "name": "too-quick", "kind": "min-seconds", "seconds": 3 }, { "name": "geo", "kind": "country-mismatch", "min_share": 0.5 }, { "name": "img", "kind": "min-seconds", "task_type": "image", "seconds": 5 } ]""";
        var body = new { id = "p1", labels = new[] { "a", "b" }, taskTypes = new[] { "text" }, rules = JsonSerializer.Deserialize<JsonElement>(rules) };

        var created = await OkAsync(admin.PostAsJsonAsync("/api/projects", body, Ct), HttpStatusCode.Created);
        var project = await OkAsync(admin.GetAsync("/api/projects/p1", Ct));
        var none = await OkAsync(admin.PostAsJsonAsync("/api/projects", new { id = "p2", labels = new[] { "a", "b" } }, Ct), HttpStatusCode.Created);

        Assert.Equal(created.GetProperty("rules").GetRawText(), project.GetProperty("rules").GetRawText());
        var stored = project.GetProperty("rules").GetProperty("rules");
        Assert.Equal(["too-quick", "geo", "img"], stored.EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        Assert.Equal(3, stored[0].GetProperty("seconds").GetDouble());
        Assert.Equal(
            [
                "rule 'geo' needs country and payment_country, which answers sent to the service do not carry",
                "rule 'img' names task type 'image', which the project does not allow",
            ],
            project.GetProperty("rulesNotChecked").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(JsonValueKind.Null, none.GetProperty("rules").ValueKind);
        Assert.Empty(none.GetProperty("rulesNotChecked").EnumerateArray());
    }

    [Fact]
    public async Task Refit_WorkersBreakingTheRules_AreFlaggedAndTheirNextAnswerRejected()
    {
        using var db = new TempDatabase();
        var clock = new Workforce.ManualClock(T0);
        await using var app = new ServiceApp(db.Path, new() { ["Service:RefitEvery"] = $"{RulesCrowd.Answers}" });
        var client = OnClock(app, clock);
        using var admin = Admin(client);
        await RulesCrowd.CreateAsync(admin, "p1", RulesCrowd.Rules);

        await RulesCrowd.Send(admin, clock, "p1");
        await RulesCrowd.WaitForRefitAsync(admin, "p1");
        var flags = await RulesCrowd.FlagsAsync(admin, "p1");
        var next = await AnswerAsync(admin, clock, "p1", "t20", "fast", T0.AddHours(7), T0.AddHours(7).AddSeconds(-20));

        Assert.Equal(["burst", "fast"], flags.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("rule 'too-quick': 10 of 10 answers took under 3 s (fastest 1 s)", flags["fast"], StringComparison.Ordinal);
        Assert.Contains("rule 'burst': 10 answers within 60 s", flags["burst"], StringComparison.Ordinal);
        Assert.Contains("not checked: rule 'geo' needs country and payment_country", flags["fast"], StringComparison.Ordinal);
        Assert.Equal("reject", next.GetProperty("action").GetString());
        Assert.Contains(next.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("rule 'too-quick'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refit_SameCrowdWithoutRules_FlagsNoOne()
    {
        using var db = new TempDatabase();
        var clock = new Workforce.ManualClock(T0);
        await using var app = new ServiceApp(db.Path, new() { ["Service:RefitEvery"] = $"{RulesCrowd.Answers}" });
        var client = OnClock(app, clock);
        using var admin = Admin(client);
        await RulesCrowd.CreateAsync(admin, "p1", null);

        await RulesCrowd.Send(admin, clock, "p1");
        await RulesCrowd.WaitForRefitAsync(admin, "p1");
        var flags = await RulesCrowd.FlagsAsync(admin, "p1");
        var project = await OkAsync(admin.GetAsync("/api/projects/p1", Ct));

        Assert.True(project.GetProperty("modelVersion").GetInt32() >= 1);
        Assert.Empty(flags);
    }
}
