using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CrowdFit.Service.Tests.Dashboard;

using static CrowdFit.Service.Tests.TestContextExtensions;

namespace CrowdFit.Service.Tests.Review;

/// <summary>
/// A service with project p1 that requires the qualification "en": w1 has it, w9 does not, so every answer of w9
/// is rejected. Keys: an analyst named "ana", a requester, and worker keys for w1 and w9.
/// </summary>
internal sealed class ReviewFixture : IAsyncDisposable
{
    /// <summary>Background syncing off: the queue's endpoints open cases when read, so tests see a fixed state.</summary>
    public static readonly Dictionary<string, string?> Settings = new() { ["Review:SyncSeconds"] = "0" };

    private ReviewFixture(ServiceApp app, HttpClient admin)
    {
        App = app;
        Admin = admin;
    }

    public ServiceApp App { get; }

    public HttpClient Admin { get; }

    public HttpClient Analyst { get; private set; } = null!;

    public HttpClient Requester { get; private set; } = null!;

    public HttpClient W1 { get; private set; } = null!;

    public HttpClient W9 { get; private set; } = null!;

    public static async Task<ReviewFixture> StartAsync(string databasePath)
    {
        var app = new ServiceApp(databasePath, Settings);
        var fixture = new ReviewFixture(app, app.Admin());
        var admin = fixture.Admin;
        var created = await admin.PostAsJsonAsync(
            "/api/projects", new { id = "p1", labels = new[] { "a", "b", "c" }, aql = 0.05, maxAnswers = 3, requirements = new { qualifications = new[] { "en" } } }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/projects/p1/tasks", Enumerable.Range(0, 4).Select(t => new { id = $"t{t}" }), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/projects/p1/workers", new { id = "w1", qualifications = new[] { "en" } }, Ct)).StatusCode);
        await fixture.ConnectAsync();
        return fixture;
    }

    /// <summary>A second service on the same file, with new keys (the old ones stay valid).</summary>
    public static async Task<ReviewFixture> RestartAsync(string databasePath)
    {
        var app = new ServiceApp(databasePath, Settings);
        var fixture = new ReviewFixture(app, app.Admin());
        await fixture.ConnectAsync();
        return fixture;
    }

    public static async Task<JsonElement> AnswerAsync(HttpClient client, string task, string worker, string label)
    {
        var response = await client.PostAsJsonAsync("/api/projects/p1/answers", new { task, worker, label }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ServiceApp.JsonAsync(response);
    }

    public static async Task<JsonElement> OkJsonAsync(Task<HttpResponseMessage> request, HttpStatusCode status = HttpStatusCode.OK)
    {
        var response = await request;
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        return await ServiceApp.JsonAsync(response);
    }

    public static async Task AssertProblemAsync(Task<HttpResponseMessage> request, HttpStatusCode status, string? field = null)
    {
        var response = await request;
        var body = await ServiceApp.JsonAsync(response);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        if (field is not null)
        {
            Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), $"no error for '{field}' in {body}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in new[] { Admin, Analyst, Requester, W1, W9 })
        {
            client?.Dispose();
        }

        await App.DisposeAsync();
    }

    private async Task ConnectAsync()
    {
        Analyst = App.WithKey(await DashboardForms.IssueKeyAsync(Admin, new { role = "analyst", name = "ana" }));
        Requester = App.WithKey(await DashboardForms.IssueKeyAsync(Admin, new { role = "requester" }));
        W1 = App.WithKey(await DashboardForms.IssueKeyAsync(Admin, new { role = "worker", worker = "w1" }));
        W9 = App.WithKey(await DashboardForms.IssueKeyAsync(Admin, new { role = "worker", worker = "w9" }));
    }
}
