using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

using static CrowdFit.Service.Tests.TestContextExtensions;

namespace CrowdFit.Service.Tests.Workforce;

/// <summary>A clock the test moves by hand, so answers' submit times (and so hourly pay) are known exactly.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>Starts the service on a <see cref="ManualClock"/> and sends the calls the pay and fairness tests share.</summary>
internal static class WorkforceApp
{
    public static readonly DateTimeOffset T0 = new(2025, 5, 1, 12, 0, 0, TimeSpan.Zero);

    public static WebApplicationFactory<Program> OnClock(ServiceApp app, ManualClock clock) =>
        app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));

    public static HttpClient Admin(WebApplicationFactory<Program> app)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ServiceApp.AdminKey);
        return client;
    }

    public static async Task<HttpClient> KeyAsync(WebApplicationFactory<Program> app, HttpClient admin, object request)
    {
        var response = await admin.PostAsJsonAsync("/api/keys", request, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", (await ServiceApp.JsonAsync(response)).GetProperty("key").GetString());
        return client;
    }

    public static async Task<JsonElement> OkAsync(Task<HttpResponseMessage> request, HttpStatusCode status = HttpStatusCode.OK)
    {
        var response = await request;
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<JsonElement>(body);
    }

    /// <summary>Submits an answer at <paramref name="at"/> on the clock; <paramref name="started"/> null sends no start.</summary>
    public static Task<JsonElement> AnswerAsync(HttpClient client, ManualClock clock, string project, string task, string worker, DateTimeOffset at, DateTimeOffset? started, string label = "a")
    {
        clock.Now = at;
        object body = started is { } s ? new { task, worker, label, startedAt = s.ToString("O", System.Globalization.CultureInfo.InvariantCulture) } : new { task, worker, label };
        return OkAsync(client.PostAsJsonAsync($"/api/projects/{project}/answers", body, Ct));
    }

    public static double? Number(JsonElement e, string name) =>
        e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetDouble();

    public static JsonElement Find(JsonElement array, string property, string value) =>
        array.EnumerateArray().Single(x => x.GetProperty(property).GetString() == value);
}
