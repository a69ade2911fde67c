using CrowdFit.Service.Tests.Findings;
using Microsoft.Playwright;

using static CrowdFit.Service.Tests.Dashboard.DashboardForms;
using static CrowdFit.Service.Tests.TestContextExtensions;

namespace CrowdFit.Service.Tests.Dashboard;

/// <summary>
/// Four days of answers with a copying ring and a shift of labels on the last day, stored by a service on a moved
/// clock; a second service replays them on a real socket and an analyst opens the rings and drift pages in Chromium.
/// </summary>
public sealed class DashboardFindingsBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Dashboard_InChromium_RingsListMembersWithEvidence_DriftChartMarksTheShiftedDay()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing; install it with: apt-get update && apt-get install -y --no-install-recommends chromium");
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

        await using var app = CrowdFitServer.Build([], new Dictionary<string, string?>
        {
            ["ConnectionStrings:Sqlite"] = $"Data Source={db.Path}",
            ["Service:AdminKey"] = ServiceApp.AdminKey,
            ["Service:RefitEvery"] = $"{log.Count}",
            ["Review:SyncSeconds"] = "0",
            ["urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        await app.StartAsync(Ct);
        var root = new Uri(app.Urls.First());
        var shots = Path.Combine(AppContext.BaseDirectory, "TestResults", "dashboard");
        Directory.CreateDirectory(shots);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        await page.GotoAsync(new Uri(root, "/dashboard/projects/p").AbsoluteUri);
        await page.FillAsync("#key", analyst);
        await page.ClickAsync("button[type=submit]:has-text('Sign in')");
        await page.WaitForURLAsync("**/dashboard/projects/p");

        await page.ClickAsync("#findings a:has-text('Rings')");
        await page.WaitForURLAsync("**/dashboard/projects/p/rings");
        var members = page.Locator("section.ring table tbody tr");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "rings.png"), FullPage = true });

        Assert.Equal("Rings in p", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(1, await page.Locator("section.ring").CountAsync());
        Assert.Equal(FindingsCrowd.Ring, await members.Locator("td:first-child").AllInnerTextsAsync());
        Assert.All(await members.Locator("td:nth-child(2)").AllInnerTextsAsync(), e => Assert.Contains("wrong answers", e, StringComparison.Ordinal));

        await page.GoBackAsync();
        await page.ClickAsync("#findings a:has-text('Drift')");
        await page.WaitForURLAsync("**/dashboard/projects/p/drift");
        var chart = page.Locator("#drift svg").First;
        var box = await chart.BoundingBoxAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "drift.png"), FullPage = true });

        Assert.True(box is { Width: > 50, Height: > 50 }, $"the drift chart is {box?.Width}x{box?.Height}");
        Assert.Equal(4, await chart.Locator(".point").CountAsync());
        Assert.Equal(1, await chart.Locator(".point.marked").CountAsync());
        Assert.Equal(4, await page.Locator("table.drift tbody tr").CountAsync());
        Assert.Contains("'c'", await page.Locator("ul.alerts li").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(new FileInfo(Path.Combine(shots, "drift.png")).Length > 10_000);
        await app.StopAsync(Ct);
    }
}
