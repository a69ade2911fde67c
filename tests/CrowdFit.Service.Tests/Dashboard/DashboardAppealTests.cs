using System.Net;
using System.Net.Http.Json;
using CrowdFit.Service.Audit;
using Dapper;

using static CrowdFit.Service.Tests.Dashboard.DashboardForms;
using static CrowdFit.Service.Tests.Review.ReviewFixture;
using static CrowdFit.Service.Tests.TestContextExtensions;

namespace CrowdFit.Service.Tests.Dashboard;

public sealed class DashboardAppealTests
{
    [Fact]
    public async Task AppealForm_Overturned_ShownToWorker_LoggedAsAnalyst_AndVerified()
    {
        using var db = new TempDatabase();
        await using var f = await StartAsync(db.Path);
        var analyst = await IssueKeyAsync(f.Admin, new { role = "analyst", name = "ana" });
        var answerId = (await AnswerAsync(f.W9, "t0", "w9", "b")).GetProperty("answerId").GetInt64();
        var filed = await OkJsonAsync(f.W9.PostAsJsonAsync("/api/me/appeals", new { answer = answerId, message = "I hold the <en> certificate." }, Ct), HttpStatusCode.Created);
        var appealId = filed.GetProperty("id").GetInt64();
        using var browser = Browser(f.App);
        await SignInAsync(browser, analyst);

        var before = await browser.GetStringAsync("/dashboard/appeals", Ct);
        var posted = await PostAsync(browser, $"/dashboard/appeals/{appealId}/answer", TokenOf(before), ("outcome", "overturned"), ("explanation", " Certificate checked. "));
        var after = await browser.GetStringAsync("/dashboard/appeals", Ct);
        var mine = (await OkJsonAsync(f.W9.GetAsync("/api/me/appeals", Ct))).GetProperty("items")[0];
        using var connection = db.Open();
        var verification = DecisionLog.Verify(connection);
        var last = connection.QuerySingle<(string Action, string Actor, string Reasons, long Answer)>(
            "select action, actor, reasons, answer_id from decision_log where project_id = 'p1' and actor <> 'engine' order by position desc limit 1");

        Assert.Contains($"id=\"appeal-{appealId}\"", before, StringComparison.Ordinal);
        Assert.Contains("1 open appeals, oldest first.", before, StringComparison.Ordinal);
        Assert.Contains("<dd>w9</dd>", before, StringComparison.Ordinal);
        Assert.Contains("<dd>t0</dd>", before, StringComparison.Ordinal);
        Assert.Contains($"<dd>#{answerId}: b</dd>", before, StringComparison.Ordinal);
        Assert.Matches("<ol class=\"reasons\"><li>[^<]+</li>", before);
        Assert.Contains("I hold the &lt;en&gt; certificate.", before, StringComparison.Ordinal);
        Assert.DoesNotContain("<en>", before, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", before, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<a href=\"/dashboard/appeals\">Appeals</a>", before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/dashboard/appeals", posted.Headers.Location?.OriginalString);
        Assert.DoesNotContain($"id=\"appeal-{appealId}\"", after, StringComparison.Ordinal);
        Assert.Contains("0 open appeals", after, StringComparison.Ordinal);
        Assert.Equal("overturned", mine.GetProperty("status").GetString());
        Assert.Equal("Certificate checked.", mine.GetProperty("explanation").GetString());
        Assert.True(verification.Intact, verification.Problem);
        Assert.Equal(("overturn", "ana", answerId), (last.Action, last.Actor, last.Answer));
        Assert.Contains("Certificate checked.", last.Reasons, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppealForm_EmptyExplanationBadOutcomeUnknownOrTwice_400AndMessage()
    {
        using var db = new TempDatabase();
        await using var f = await StartAsync(db.Path);
        var analyst = await IssueKeyAsync(f.Admin, new { role = "analyst", name = "ana" });
        var answerId = (await AnswerAsync(f.W9, "t0", "w9", "a")).GetProperty("answerId").GetInt64();
        var appealId = (await OkJsonAsync(f.W9.PostAsJsonAsync("/api/me/appeals", new { answer = answerId, message = "Please look again." }, Ct), HttpStatusCode.Created))
            .GetProperty("id").GetInt64();
        using var browser = Browser(f.App);
        await SignInAsync(browser, analyst);
        var token = TokenOf(await browser.GetStringAsync("/dashboard/appeals", Ct));
        var path = $"/dashboard/appeals/{appealId}/answer";

        var empty = await PostAsync(browser, path, token, ("outcome", "upheld"), ("explanation", "   "));
        var outcome = await PostAsync(browser, path, token, ("outcome", "maybe"), ("explanation", "Unsure."));
        var forged = await PostAsync(browser, path, null, ("outcome", "upheld"), ("explanation", "forged"));
        var open = await OkJsonAsync(f.Analyst.GetAsync("/api/appeals", Ct));
        var unknown = await PostAsync(browser, $"/dashboard/appeals/{appealId + 40}/answer", token, ("outcome", "upheld"), ("explanation", "No such appeal."));
        var upheld = await PostAsync(browser, path, token, ("outcome", "upheld"), ("explanation", "The answer disagrees with the gold label."));
        var again = await PostAsync(browser, path, token, ("outcome", "overturned"), ("explanation", "Changed my mind."));
        var mine = (await OkJsonAsync(f.W9.GetAsync("/api/me/appeals", Ct))).GetProperty("items")[0];

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var emptyHtml = await empty.Content.ReadAsStringAsync(Ct);
        Assert.Contains($"Appeal {appealId}: The explanation is required.", emptyHtml, StringComparison.Ordinal);
        Assert.Contains($"id=\"appeal-{appealId}\"", emptyHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, outcome.StatusCode);
        Assert.Contains("The outcome must be upheld or overturned (was &#x27;maybe&#x27;).", await outcome.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(1, open.GetProperty("total").GetInt64());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains($"Appeal {appealId + 40} does not exist.", await unknown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, upheld.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("is already upheld; an appeal is answered once.", await again.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal("upheld", mine.GetProperty("status").GetString());
        Assert.Equal("The answer disagrees with the gold label.", mine.GetProperty("explanation").GetString());
    }

    [Fact]
    public async Task AppealsPage_WithoutCookie_RedirectsToLogin()
    {
        using var db = new TempDatabase();
        await using var f = await StartAsync(db.Path);
        using var stranger = Browser(f.App);

        var page = await stranger.GetAsync("/dashboard/appeals", Ct);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/dashboard/login?returnUrl=%2Fdashboard%2Fappeals", page.Headers.Location?.OriginalString);
    }
}
