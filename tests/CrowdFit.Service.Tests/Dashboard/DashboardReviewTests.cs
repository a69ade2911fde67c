using System.Net;

using static CrowdFit.Service.Tests.Dashboard.DashboardForms;
using static CrowdFit.Service.Tests.Review.ReviewFixture;
using static CrowdFit.Service.Tests.TestContextExtensions;

namespace CrowdFit.Service.Tests.Dashboard;

public sealed class DashboardReviewTests
{
    [Fact]
    public async Task ConfirmForm_WithNote_DecidesCaseAsAnalyst_AndRedirectsToQueue()
    {
        using var db = new TempDatabase();
        await using var f = await StartAsync(db.Path);
        var analyst = await IssueKeyAsync(f.Admin, new { role = "analyst", name = "ana" });
        await AnswerAsync(f.W9, "t0", "w9", "a");
        using var browser = Browser(f.App);
        await SignInAsync(browser, analyst);
        var caseId = (await OkJsonAsync(f.Analyst.GetAsync("/api/projects/p1/review", Ct))).GetProperty("items")[0].GetProperty("id").GetInt64();
        var before = await browser.GetStringAsync("/dashboard/projects/p1/review", Ct);

        var posted = await PostAsync(browser, $"/dashboard/projects/p1/review/{caseId}/confirm", TokenOf(before), ("note", "answered without <en>"));
        var after = await browser.GetStringAsync("/dashboard/projects/p1/review", Ct);
        var confirmed = await OkJsonAsync(f.Analyst.GetAsync("/api/projects/p1/review?status=confirmed", Ct));

        Assert.Contains($"id=\"case-{caseId}\"", before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/dashboard/projects/p1/review", posted.Headers.Location?.OriginalString);
        Assert.DoesNotContain($"id=\"case-{caseId}\"", after, StringComparison.Ordinal);
        Assert.Contains("0 open cases", after, StringComparison.Ordinal);
        var item = confirmed.GetProperty("items")[0];
        Assert.Equal(caseId, item.GetProperty("id").GetInt64());
        Assert.Equal("ana", item.GetProperty("analyst").GetString());
        Assert.Equal("answered without <en>", item.GetProperty("note").GetString());
    }

    [Fact]
    public async Task DecisionForms_EmptyNoteOrNoToken_LeaveCaseOpen_ClearThenConfirmConflicts()
    {
        using var db = new TempDatabase();
        await using var f = await StartAsync(db.Path);
        var analyst = await IssueKeyAsync(f.Admin, new { role = "analyst", name = "ana" });
        await AnswerAsync(f.W9, "t0", "w9", "a");
        using var browser = Browser(f.App);
        await SignInAsync(browser, analyst);
        var caseId = (await OkJsonAsync(f.Analyst.GetAsync("/api/projects/p1/review", Ct))).GetProperty("items")[0].GetProperty("id").GetInt64();
        var token = TokenOf(await browser.GetStringAsync("/dashboard/projects/p1/review", Ct));
        var path = $"/dashboard/projects/p1/review/{caseId}";

        var empty = await PostAsync(browser, $"{path}/clear", token, ("note", "  "));
        var forged = await PostAsync(browser, $"{path}/clear", null, ("note", "forged"));
        using var stranger = Browser(f.App);
        var signedOut = await PostAsync(stranger, $"{path}/clear", token, ("note", "no cookie"));
        var open = await OkJsonAsync(f.Analyst.GetAsync("/api/projects/p1/review", Ct));
        var cleared = await PostAsync(browser, $"{path}/clear", token, ("note", "looks honest"));
        var again = await PostAsync(browser, $"{path}/confirm", token, ("note", "changed my mind"));

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("The note is required.", await empty.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.StartsWith("/dashboard/login", signedOut.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(1, open.GetProperty("total").GetInt64());
        Assert.Equal(HttpStatusCode.Redirect, cleared.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("is already cleared", await again.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
