using CrowdFit.Answers;

namespace CrowdFit.Tests.Workforce;

/// <summary>One claim of a hand-written pay log: times in seconds from an origin, null when missing.</summary>
internal readonly record struct PayClaim(string Worker, string? Type, double? Start, double? End, double Reward);

/// <summary>Builds an answer set and its context from claims, one task per claim, in the given order.</summary>
internal static class PayLog
{
    private static readonly long s_origin = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero).UtcTicks;

    public static (AnswerSet Answers, AnswerContext Context) Build(
        IReadOnlyList<PayClaim> claims,
        bool timestamps = true,
        bool rewards = true,
        bool types = true)
    {
        var n = claims.Count;
        var workerIds = new List<string>();
        var typeNames = new List<string>();
        var worker = new int[n];
        var typeCodes = new int[n];
        var started = new long[n];
        var submitted = new long[n];
        var reward = new double[n];
        for (var i = 0; i < n; i++)
        {
            var c = claims[i];
            worker[i] = IndexOf(workerIds, c.Worker);
            typeCodes[i] = c.Type is null ? CategoricalColumn.Missing : IndexOf(typeNames, c.Type);
            started[i] = Ticks(c.Start);
            submitted[i] = Ticks(c.End);
            reward[i] = c.Reward;
        }

        var answers = AnswerSet.FromColumns(
            [.. Enumerable.Range(0, n).Select(t => $"t{t:D6}")],
            [.. workerIds],
            ["x"],
            [.. Enumerable.Range(0, n)],
            worker,
            new int[n]);
        var context = new AnswerContext(
            n,
            timestamps ? started : null,
            timestamps ? submitted : null,
            taskType: types ? new CategoricalColumn([.. typeNames], typeCodes) : null,
            reward: rewards ? reward : null);
        return (answers, context);
    }

    private static long Ticks(double? seconds) =>
        seconds is { } s ? s_origin + (long)Math.Round(s * TimeSpan.TicksPerSecond) : AnswerContext.MissingTicks;

    private static int IndexOf(List<string> ids, string id)
    {
        var i = ids.IndexOf(id);
        if (i < 0)
        {
            ids.Add(id);
            i = ids.Count - 1;
        }

        return i;
    }
}
