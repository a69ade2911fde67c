using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using static CrowdFit.Service.Tests.TestContextExtensions;
using static CrowdFit.Service.Tests.Workforce.WorkforceApp;

namespace CrowdFit.Service.Tests.Projects;

/// <summary>
/// A project with hard rules and a crowd that agrees on every label, so that only the rules can tell the workers
/// apart: w1 and w2 take 30–40 s per answer, minutes apart; <c>fast</c> claims 1 s per answer; <c>burst</c> takes 4 s
/// per answer but sends ten in 50 s. The last answer, w1's first on t20, starts the re-estimation: it leaves its task
/// open, so every answer the re-estimation judges was stored before it began.
/// </summary>
internal static class RulesCrowd
{
    /// <summary>Under 3 s per answer breaks <c>too-quick</c>; more than 5 answers within 60 s breaks <c>burst</c>; the country rule cannot be checked.</summary>
    public const string Rules =
        """
        {
          "worker_share": 0.5,
          "rules": [
            { "name": "too-quick", "kind": "min-seconds", "seconds": 3 },
            { "name": "burst", "kind": "max-rate", "answers": 5, "seconds": 60 },
            { "name": "geo", "kind": "country-mismatch", "min_share": 0.5 }
          ]
        }
        """;

    /// <summary>Answers <see cref="Send"/> sends: the re-estimation is set to run at the last of them.</summary>
    public const int Answers = 61;

    /// <summary>Creates the project (labels a, b; three answers per task; tasks t0–t20) with <paramref name="rules"/> (JSON text or null).</summary>
    public static async Task CreateAsync(HttpClient admin, string id, string? rules)
    {
        var body = new Dictionary<string, object?> { ["id"] = id, ["labels"] = new[] { "a", "b" }, ["maxAnswers"] = 3 };
        if (rules is not null)
        {
            body["rules"] = JsonSerializer.Deserialize<JsonElement>(rules);
        }

        await OkAsync(admin.PostAsJsonAsync("/api/projects", body, Ct), HttpStatusCode.Created);
        await OkAsync(admin.PostAsJsonAsync($"/api/projects/{id}/tasks", Enumerable.Range(0, 21).Select(t => new { id = $"t{t}" }), Ct));
    }

    /// <summary>Sends the crowd's <see cref="Answers"/> answers on t0–t20, every one labelled "a", in time order.</summary>
    public static async Task Send(HttpClient client, Workforce.ManualClock clock, string id)
    {
        for (var t = 0; t < 10; t++)
        {
            var at = T0.AddMinutes(10 * t);
            await AnswerAsync(client, clock, id, $"t{t}", "w1", at, at.AddSeconds(-30));
            await AnswerAsync(client, clock, id, $"t{t}", "w2", at.AddMinutes(1), at.AddMinutes(1).AddSeconds(-40));
            await AnswerAsync(client, clock, id, $"t{t}", "fast", at.AddMinutes(2), at.AddMinutes(2).AddSeconds(-1));
        }

        for (var t = 10; t < 20; t++)
        {
            var at = T0.AddHours(2).AddMinutes(10 * t);
            await AnswerAsync(client, clock, id, $"t{t}", "w1", at, at.AddSeconds(-30));
            await AnswerAsync(client, clock, id, $"t{t}", "w2", at.AddMinutes(1), at.AddMinutes(1).AddSeconds(-40));
        }

        for (var t = 10; t < 20; t++)
        {
            var at = T0.AddHours(6).AddSeconds(5 * (t - 10));
            await AnswerAsync(client, clock, id, $"t{t}", "burst", at, at.AddSeconds(-4));
        }

        await AnswerAsync(client, clock, id, "t20", "w1", T0.AddHours(6).AddMinutes(10), T0.AddHours(6).AddMinutes(10).AddSeconds(-30));
    }

    /// <summary>Waits until the project's models have been re-estimated at least once.</summary>
    public static async Task WaitForRefitAsync(HttpClient client, string id)
    {
        for (var i = 0; i < 400 && (await OkAsync(client.GetAsync($"/api/projects/{id}", Ct))).GetProperty("modelVersion").GetInt32() < 1; i++)
        {
            await Task.Delay(25, Ct);
        }
    }

    /// <summary>The flagged workers with their reasons.</summary>
    public static async Task<Dictionary<string, string>> FlagsAsync(HttpClient client, string id) =>
        (await OkAsync(client.GetAsync($"/api/projects/{id}/reports/flags", Ct))).GetProperty("workers").EnumerateArray()
            .ToDictionary(w => w.GetProperty("worker").GetString()!, w => w.GetProperty("reason").GetString()!);
}
