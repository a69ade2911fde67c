using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;

using static CrowdFit.Service.Tests.Dashboard.DashboardForms;
using static CrowdFit.Service.Tests.TestContextExtensions;

namespace CrowdFit.Service.Tests.Dashboard;

/// <summary>Signs in to the dashboard of a service on a real socket in headless Chromium, decides a case and answers an appeal as an analyst would.</summary>
public sealed class DashboardBrowserTests
{
    [Fact]
    public async Task Dashboard_InChromium_SignInShowsChart_ConfirmRemovesCase_OverturnRemovesAppeal()
    {
        using var db = new TempDatabase();
        await using var session = await BrowserSession.StartAsync(db.Path);
        var root = session.Root;
        var admin = session.Client(ServiceApp.AdminKey);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync(
            "/api/projects", new { id = "p1", labels = new[] { "a", "b", "c" }, aql = 0.05, maxAnswers = 3, requirements = new { qualifications = new[] { "en" } } }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/projects/p1/tasks", Enumerable.Range(0, 4).Select(t => new { id = $"t{t}" }), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/projects/p1/workers", new { id = "w1", qualifications = new[] { "en" } }, Ct)).StatusCode);
        foreach (var (task, worker) in new[] { ("t0", "w1"), ("t1", "w1"), ("t0", "w9"), ("t2", "w9") })
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/projects/p1/answers", new { task, worker, label = "a" }, Ct)).StatusCode);
        }

        var analyst = await IssueKeyAsync(admin, new { role = "analyst", name = "ana" });
        var shots = BrowserSession.Shots;
        var page = session.Page;
        var outside = session.Outside;

        await page.GotoAsync(new Uri(root, "/dashboard/projects/p1").AbsoluteUri);
        Assert.Equal("Sign in", await page.TitleAsync());
        await session.EnterKeyAsync("/dashboard/projects/p1", analyst);
        var chart = page.Locator("#health svg").First;
        var box = await chart.BoundingBoxAsync();
        var flaggedRow = page.Locator("table.workers tbody tr", new PageLocatorOptions { HasText = "w9" });
        await session.ScreenshotAsync("project.png");

        Assert.Equal("Project p1", await page.Locator("h1").InnerTextAsync());
        Assert.True(box is { Width: > 50, Height: > 50 }, $"the throughput chart is {box?.Width}x{box?.Height}");
        Assert.Contains("2", await flaggedRow.Locator("td").Nth(2).InnerTextAsync(), StringComparison.Ordinal);

        await page.ClickAsync("text=Open the review queue");
        await page.WaitForURLAsync("**/dashboard/projects/p1/review");
        var cases = page.Locator("section.case");
        Assert.Equal(2, await cases.CountAsync());
        var first = cases.First;
        var firstId = await first.GetAttributeAsync("id");
        await session.ScreenshotAsync("review-before.png");
        await first.Locator("form.confirm textarea").FillAsync("No en qualification; answered anyway.");
        await first.Locator("form.confirm button").ClickAsync();
        await page.WaitForURLAsync("**/dashboard/projects/p1/review");
        await page.Locator("section.case").First.WaitForAsync();
        await session.ScreenshotAsync("review-after.png");

        Assert.Equal(1, await page.Locator("section.case").CountAsync());
        Assert.Equal(0, await page.Locator($"section#{firstId}").CountAsync());
        Assert.Contains("1 open cases", await page.Locator("main > p").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(new FileInfo(Path.Combine(shots, "project.png")).Length > 10_000);

        var w9 = session.Client(await IssueKeyAsync(admin, new { role = "worker", worker = "w9" }));
        var rejected = await ServiceApp.JsonAsync(await w9.GetAsync("/api/me/rejections", Ct));
        var answer = rejected.GetProperty("items")[0].GetProperty("answer").GetInt64();
        Assert.Equal(HttpStatusCode.Created, (await w9.PostAsJsonAsync("/api/me/appeals", new { answer, message = "I hold the en certificate." }, Ct)).StatusCode);
        await page.ClickAsync("header a:has-text('Appeals')");
        await page.WaitForURLAsync("**/dashboard/appeals");
        var appeals = page.Locator("section.appeal");
        Assert.Equal(1, await appeals.CountAsync());
        Assert.Contains("I hold the en certificate.", await appeals.First.Locator("blockquote.message").InnerTextAsync(), StringComparison.Ordinal);
        await appeals.First.Locator("input[value=overturned]").CheckAsync();
        await appeals.First.Locator("textarea").FillAsync("Certificate checked.");
        await session.ScreenshotAsync("appeals.png");
        await appeals.First.Locator("button[type=submit]").ClickAsync();
        await page.Locator("main > p", new PageLocatorOptions { HasText = "0 open appeals" }).WaitForAsync();
        var mine = (await ServiceApp.JsonAsync(await w9.GetAsync("/api/me/appeals", Ct))).GetProperty("items")[0];

        Assert.Equal(0, await page.Locator("section.appeal").CountAsync());
        Assert.Equal("overturned", mine.GetProperty("status").GetString());
        Assert.Equal("Certificate checked.", mine.GetProperty("explanation").GetString());
        Assert.True(new FileInfo(Path.Combine(shots, "appeals.png")).Length > 10_000);
        Assert.Empty(outside);
    }
}
