using System.Net;

using static CrowdFit.Service.Tests.Dashboard.DashboardForms;
using static CrowdFit.Service.Tests.Review.ReviewFixture;
using static CrowdFit.Service.Tests.TestContextExtensions;

namespace CrowdFit.Service.Tests.Dashboard;

public sealed class DashboardFindingsTests
{
    [Fact]
    public async Task ProjectPage_LinksRingsAndDrift_PagesSayWhatIsNotThereYet()
    {
        using var db = new TempDatabase();
        await using var f = await StartAsync(db.Path);
        await AnswerAsync(f.W1, "t0", "w1", "a");
        using var browser = Browser(f.App);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(browser, await IssueKeyAsync(f.Admin, new { role = "analyst", name = "ana" }))).StatusCode);

        var project = await browser.GetStringAsync("/dashboard/projects/p1", Ct);
        var rings = await browser.GetAsync("/dashboard/projects/p1/rings", Ct);
        var drift = await browser.GetAsync("/dashboard/projects/p1/drift", Ct);

        Assert.Contains("href=\"/dashboard/projects/p1/rings\"", project, StringComparison.Ordinal);
        Assert.Contains("href=\"/dashboard/projects/p1/drift\"", project, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, rings.StatusCode);
        Assert.Contains("<h2>Rings</h2>", await rings.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("have not been re-estimated yet", await rings.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, drift.StatusCode);
        Assert.Contains("Not enough history: all answers so far (1) fall in one hour window", await drift.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindingsPages_BadInputUnknownProjectOrNoCookie_ErrorPages()
    {
        using var db = new TempDatabase();
        await using var f = await StartAsync(db.Path);
        using var anonymous = Browser(f.App);
        using var browser = Browser(f.App);
        await SignInAsync(browser, await IssueKeyAsync(f.Admin, new { role = "analyst", name = "ana" }));

        var badWindow = await browser.GetAsync("/dashboard/projects/p1/drift?window=week", Ct);
        var unknownRings = await browser.GetAsync("/dashboard/projects/nope/rings", Ct);
        var unknownDrift = await browser.GetAsync("/dashboard/projects/nope/drift", Ct);
        var signedOut = await anonymous.GetAsync("/dashboard/projects/p1/rings", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, badWindow.StatusCode);
        Assert.Contains("The window must be auto, day or hour (was &#x27;week&#x27;).", await badWindow.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknownRings.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownDrift.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
    }
}
