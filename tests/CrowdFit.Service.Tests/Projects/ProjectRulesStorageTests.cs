using CrowdFit.Service.Tests.Storage;

using static CrowdFit.Service.Tests.TestContextExtensions;
using static CrowdFit.Service.Tests.Workforce.WorkforceApp;

namespace CrowdFit.Service.Tests.Projects;

/// <summary>A project's rules are stored with it and applied again by the engine the restart rebuilds, on each storage provider.</summary>
public abstract class ProjectRulesStorageTests<TStore>
    where TStore : TestStore, new()
{
    [Fact]
    public async Task Restart_KeepsTheRules_AndTheReplayedEngineAppliesThem()
    {
        using var store = new TStore();
        var clock = new Workforce.ManualClock(T0);
        var settings = new Dictionary<string, string?> { ["Service:RefitEvery"] = $"{RulesCrowd.Answers}" };
        string before;
        await using (var app = new ServiceApp(store, settings))
        {
            using var admin = Admin(OnClock(app, clock));
            await RulesCrowd.CreateAsync(admin, "kept", RulesCrowd.Rules);
            await RulesCrowd.Send(admin, clock, "kept");
            before = (await OkAsync(admin.GetAsync("/api/projects/kept", Ct))).GetProperty("rules").GetRawText();
        }

        await using var restarted = new ServiceApp(store, settings);
        using var again = Admin(OnClock(restarted, clock));
        var project = await OkAsync(again.GetAsync("/api/projects/kept", Ct));
        var flags = await RulesCrowd.FlagsAsync(again, "kept");
        var next = await AnswerAsync(again, clock, "kept", "t20", "burst", T0.AddHours(7), T0.AddHours(7).AddSeconds(-20));

        Assert.Equal(before, project.GetProperty("rules").GetRawText());
        Assert.Equal(0.5, project.GetProperty("rules").GetProperty("worker_share").GetDouble());
        Assert.Single(project.GetProperty("rulesNotChecked").EnumerateArray());
        Assert.Equal(1, project.GetProperty("modelVersion").GetInt32());
        Assert.Equal(["burst", "fast"], flags.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("reject", next.GetProperty("action").GetString());
    }
}
