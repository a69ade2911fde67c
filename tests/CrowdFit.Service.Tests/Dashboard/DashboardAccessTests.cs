using System.Net;
using System.Net.Http.Json;

using static CrowdFit.Service.Tests.Dashboard.DashboardForms;
using static CrowdFit.Service.Tests.Review.ReviewFixture;
using static CrowdFit.Service.Tests.TestContextExtensions;

namespace CrowdFit.Service.Tests.Dashboard;

public sealed class DashboardAccessTests
{
    [Fact]
    public async Task ProjectPage_WithoutCookie_RedirectsToLoginWithReturnUrl()
    {
        using var db = new TempDatabase();
        await using var f = await StartAsync(db.Path);
        using var browser = Browser(f.App);

        var project = await browser.GetAsync("/dashboard/projects/p1", Ct);
        var review = await browser.GetAsync("/dashboard/projects/p1/review", Ct);
        var login = await browser.GetAsync("/dashboard/login", Ct);

        Assert.Equal(HttpStatusCode.Redirect, project.StatusCode);
        Assert.Equal("/dashboard/login?returnUrl=%2Fdashboard%2Fprojects%2Fp1", project.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, review.StatusCode);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("name=\"key\"", await login.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_UnknownOrRequesterKey_401WithoutCookie()
    {
        using var db = new TempDatabase();
        await using var f = await StartAsync(db.Path);
        var requester = await IssueKeyAsync(f.Admin, new { role = "requester" });
        using var browser = Browser(f.App);

        var unknown = await SignInAsync(browser, "cfk_not-a-key");
        var wrongRole = await SignInAsync(browser, requester);
        var after = await browser.GetAsync("/dashboard/projects/p1", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Contains("That API key is not known.", await unknown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongRole.StatusCode);
        Assert.Contains("A requester key may not use the dashboard", await wrongRole.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.False(wrongRole.Headers.Contains("Set-Cookie") && wrongRole.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("crowdfit_key=", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_400AndNotSignedIn()
    {
        using var db = new TempDatabase();
        await using var f = await StartAsync(db.Path);
        var analyst = await IssueKeyAsync(f.Admin, new { role = "analyst", name = "ana" });
        using var browser = Browser(f.App);

        var posted = await PostAsync(browser, "/dashboard/login", null, ("key", analyst));
        var after = await browser.GetAsync("/dashboard/projects/p1", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task SignIn_AnalystKey_SetsStrictHttpOnlyCookie_AndShowsProjectWithChart()
    {
        using var db = new TempDatabase();
        await using var f = await StartAsync(db.Path);
        var analyst = await IssueKeyAsync(f.Admin, new { role = "analyst", name = "ana" });
        await AnswerAsync(f.W1, "t0", "w1", "a");
        await AnswerAsync(f.W9, "t1", "w9", "b");
        using var browser = Browser(f.App);

        var signedIn = await SignInAsync(browser, analyst, "/dashboard/projects/p1");
        var page = await browser.GetAsync("/dashboard/projects/p1", Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);
        var missing = await browser.GetAsync("/dashboard/projects/nope", Ct);
        var offsite = await SignInAsync(Browser(f.App), analyst, "https://example.org/");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/dashboard/projects/p1", signedIn.Headers.Location?.OriginalString);
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("crowdfit_key=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("Answers per minute, last hour", html, StringComparison.Ordinal);
        Assert.Contains("<td>w9</td><td class=\"n\">1</td><td class=\"n\">1</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>w1</td><td class=\"n\">1</td><td class=\"n\">0</td>", html, StringComparison.Ordinal);
        Assert.Contains("Review queue: 1 open, 0 confirmed, 0 cleared.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("/dashboard/", offsite.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task ReviewPage_WorkerIdWithMarkup_IsEncoded()
    {
        using var db = new TempDatabase();
        await using var f = await StartAsync(db.Path);
        var analyst = await IssueKeyAsync(f.Admin, new { role = "analyst", name = "ana" });
        var answered = await f.Admin.PostAsJsonAsync("/api/projects/p1/answers", new { task = "t0", worker = "<i>evil</i>", label = "a" }, Ct);
        using var browser = Browser(f.App);
        await SignInAsync(browser, analyst);

        var html = await browser.GetStringAsync("/dashboard/projects/p1/review", Ct);

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Contains("&lt;i&gt;evil&lt;/i&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>evil</i>", html, StringComparison.Ordinal);
    }
}
