using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;

using static CrowdFit.Service.Tests.Dashboard.DashboardForms;
using static CrowdFit.Service.Tests.TestContextExtensions;

namespace CrowdFit.Service.Tests.Dashboard;

/// <summary>Opens the pay and fairness page from the project page in headless Chromium and checks its charts and tables.</summary>
public sealed class DashboardPayBrowserTests
{
    [Fact]
    public async Task PayPage_InChromium_ShowsPayByTypeWorkersAndCountries()
    {
        using var db = new TempDatabase();
        await using var session = await BrowserSession.StartAsync(db.Path);
        var admin = session.Client(ServiceApp.AdminKey);
        var project = new { id = "p1", labels = new[] { "a", "b" }, requirements = new { regions = new[] { "DE" } }, pay = new { reward = 0.05, currency = "USD", floorPerHour = 7.25 } };
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/projects", project, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/projects/p1/tasks", Enumerable.Range(0, 8).Select(t => new { id = $"t{t}", type = t < 4 ? "boxes" : "captions" }), Ct)).StatusCode);
        var now = TimeProvider.System.GetUtcNow();
        for (var w = 0; w < 4; w++)
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/projects/p1/workers", new { id = $"w{w}", country = w < 2 ? "DE" : "IN" }, Ct)).StatusCode);
            for (var t = 0; t < 8; t += 2)
            {
                var startedAt = now.AddSeconds(-(15 + (w * 20) + (t * 5))).ToString("O", CultureInfo.InvariantCulture);
                var answer = new { task = $"t{t + (w % 2)}", worker = $"w{w}", label = "a", startedAt };
                Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/projects/p1/answers", answer, Ct)).StatusCode);
            }
        }

        var analyst = await IssueKeyAsync(admin, new { role = "analyst", name = "ana" });
        var shots = BrowserSession.Shots;
        var page = session.Page;
        await session.SignInAsync("/dashboard/projects/p1", analyst);
        await page.ClickAsync("text=Pay and fairness");
        await page.WaitForURLAsync("**/dashboard/projects/p1/pay");
        await session.ScreenshotAsync("pay.png");
        var headings = await page.Locator("h2, h3").AllInnerTextsAsync();
        var types = await page.Locator("table.pay-types tbody tr td:first-child").AllInnerTextsAsync();
        var chart = await page.Locator("#pay svg").First.BoundingBoxAsync();
        var countries = await page.Locator("table.cohort-pay tbody tr td:first-child").AllInnerTextsAsync();
        var india = page.Locator("table.cohorts.rejected tbody tr", new PageLocatorOptions { HasText = "IN" });

        Assert.Equal("Pay and fairness, project p1", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(
            ["Effective hourly pay", "By task type", "By worker, lowest pay first", "Fairness by country", "Flagged workers", "Workers with rejected answers", "Rejections and pay by country"],
            headings);
        Assert.Equal(["boxes", "captions"], types.Order(StringComparer.Ordinal));
        Assert.True(chart is { Width: > 50, Height: > 50 }, $"the pay chart is {chart?.Width}x{chart?.Height}");
        Assert.Equal(4, await page.Locator("table.pay-workers tbody tr").CountAsync());
        Assert.Equal(["DE", "IN"], countries);
        Assert.Equal("100 %", await india.Locator("td").Nth(3).InnerTextAsync());
        Assert.InRange(await page.Locator("#fairness svg").CountAsync(), 1, 2);
        Assert.True(new FileInfo(Path.Combine(shots, "pay.png")).Length > 10_000);
    }
}
