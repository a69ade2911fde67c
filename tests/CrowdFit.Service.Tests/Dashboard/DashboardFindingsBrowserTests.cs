using CrowdFit.Service.Tests.Findings;

using static CrowdFit.Service.Tests.Dashboard.DashboardForms;

namespace CrowdFit.Service.Tests.Dashboard;

/// <summary>
/// Four days of answers with a copying ring and a shift of labels on the last day, stored by a service on a moved
/// clock; a second service replays them on a real socket and an analyst opens the rings and drift pages in Chromium.
/// </summary>
public sealed class DashboardFindingsBrowserTests
{
    [Fact]
    public async Task Dashboard_InChromium_RingsListMembersWithEvidence_DriftChartMarksTheShiftedDay()
    {
        using var db = new TempDatabase();
        var log = FindingsCrowd.Log(3, 200, ring: true, shift: true);
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero));
        string analyst;
        await using (var service = new ServiceApp(db.Path, FindingsCrowd.Settings(log.Count)))
        await using (var stored = FindingsCrowd.WithClock(service, clock))
        {
            using var admin = FindingsCrowd.Client(stored, ServiceApp.AdminKey);
            await FindingsCrowd.PostAsync(admin, "p", log, clock, TimeSpan.FromDays(4) / (log.Count + 1));
            analyst = await IssueKeyAsync(admin, new { role = "analyst", name = "ana" });
        }

        await using var session = await BrowserSession.StartAsync(db.Path, new Dictionary<string, string?> { ["Service:RefitEvery"] = $"{log.Count}" });
        var shots = BrowserSession.Shots;
        var page = session.Page;
        await session.SignInAsync("/dashboard/projects/p", analyst);

        await page.ClickAsync("#findings a:has-text('Rings')");
        await page.WaitForURLAsync("**/dashboard/projects/p/rings");
        var members = page.Locator("section.ring table tbody tr");
        await session.ScreenshotAsync("rings.png");

        Assert.Equal("Rings in p", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(1, await page.Locator("section.ring").CountAsync());
        Assert.Equal(FindingsCrowd.Ring, await members.Locator("td:first-child").AllInnerTextsAsync());
        Assert.All(await members.Locator("td:nth-child(2)").AllInnerTextsAsync(), e => Assert.Contains("wrong answers", e, StringComparison.Ordinal));

        await page.GoBackAsync();
        await page.ClickAsync("#findings a:has-text('Drift')");
        await page.WaitForURLAsync("**/dashboard/projects/p/drift");
        var chart = page.Locator("#drift svg").First;
        var box = await chart.BoundingBoxAsync();
        await session.ScreenshotAsync("drift.png");

        Assert.True(box is { Width: > 50, Height: > 50 }, $"the drift chart is {box?.Width}x{box?.Height}");
        Assert.Equal(4, await chart.Locator(".point").CountAsync());
        Assert.Equal(1, await chart.Locator(".point.marked").CountAsync());
        Assert.Equal(4, await page.Locator("table.drift tbody tr").CountAsync());
        Assert.Contains("'c'", await page.Locator("ul.alerts li").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(new FileInfo(Path.Combine(shots, "drift.png")).Length > 10_000);
    }
}
