using static CrowdFit.Service.Tests.TestContextExtensions;

namespace CrowdFit.Service.Tests.Review;

/// <summary>
/// A seeded crowd on labels a, b, c for project p1: sixteen honest workers w0–w15 (accuracy 0.75 to 0.95) and four
/// uniform spammers spam0–spam3, five answers per task; truth is task index mod 3. Answered in full, it is
/// re-estimated once, which opens worker cases for the spammers.
/// </summary>
internal static class SpamCrowd
{
    private static readonly string[] s_labels = ["a", "b", "c"];

    /// <summary>The review settings with one re-estimation after the whole crowd of <paramref name="tasks"/> tasks has answered.</summary>
    public static Dictionary<string, string?> Settings(int tasks) => new(ReviewFixture.Settings) { ["Service:RefitEvery"] = $"{tasks * 5}" };

    /// <summary>The answers to tasks t0..t(<paramref name="tasks"/>-1), round by round.</summary>
    public static List<(string Task, string Worker, string Label)> Answers(int tasks, int seed)
    {
        var random = new Random(seed);
        var log = new List<(string, string, string)>();
        for (var round = 0; round < 5; round++)
        {
            for (var t = 0; t < tasks; t++)
            {
                var w = ((t * 7) + (round * 4)) % 20;
                var worker = w < 16 ? $"w{w}" : $"spam{w - 16}";
                var right = w < 16 && random.NextDouble() < 0.75 + (w * 0.0125);
                var label = w >= 16 ? s_labels[random.Next(3)] : right ? s_labels[t % 3] : s_labels[(t + 1 + random.Next(2)) % 3];
                log.Add(($"t{t}", worker, label));
            }
        }

        return log;
    }

    /// <summary>Polls p1 until its model version reaches <paramref name="version"/> (re-estimation runs in the background), for up to 30 s.</summary>
    public static async Task ModelVersionAsync(HttpClient admin, int version)
    {
        for (var i = 0; i < 600 && (await ServiceApp.JsonAsync(await admin.GetAsync("/api/projects/p1", Ct))).GetProperty("modelVersion").GetInt32() < version; i++)
        {
            await Task.Delay(50, Ct);
        }
    }
}
