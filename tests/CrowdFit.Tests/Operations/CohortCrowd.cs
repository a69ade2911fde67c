using CrowdFit.Answers;

namespace CrowdFit.Tests.Operations;

/// <summary>
/// One country of a synthetic crowd: how many workers, the range of difficulty levels they work at, and how much
/// more often than their tasks explain they are flagged.
/// </summary>
internal readonly record struct CohortCountry(string Name, int Workers, double MinLevel = 0, double MaxLevel = 1, double FlagFactor = 1);

/// <summary>A synthetic log with its per-worker flags and per-task difficulties.</summary>
internal sealed record CohortLog(AnswerSet Answers, AnswerContext Context, bool[] Flagged, double[] Difficulty);

/// <summary>
/// Builds seeded synthetic crowds for the cohort audit: a pool of tasks with difficulties evenly spread over
/// [0, 1]; each worker works near a level drawn from their country's range, and is flagged with a probability
/// that rises with the mean difficulty of their tasks, times their country's factor.
/// </summary>
internal static class CohortCrowd
{
    public const int Tasks = 1000;
    public const int AnswersPerWorker = 10;

    private static readonly long s_origin = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero).UtcTicks;

    /// <summary>The flag probability of an unaffected worker whose tasks have mean difficulty <paramref name="meanDifficulty"/>.</summary>
    public static double BaseFlagProbability(double meanDifficulty) => 0.02 + (0.4 * meanDifficulty * meanDifficulty);

    /// <summary>
    /// Builds a crowd. Workers are numbered in country order; each joins on a day drawn from 0..99 and submits one
    /// answer an hour from then, unless <paramref name="newcomerFactor"/> is set: then the workers who joined in the
    /// last third of the days are also flagged that many times as often.
    /// </summary>
    public static CohortLog Build(IReadOnlyList<CohortCountry> countries, int seed, bool withCountry = true, bool withTimes = true, double newcomerFactor = 1)
    {
        var random = new Random(seed);
        var workerCount = 0;
        foreach (var c in countries)
        {
            workerCount += c.Workers;
        }

        var n = workerCount * AnswersPerWorker;
        var task = new int[n];
        var worker = new int[n];
        var label = new int[n];
        var codes = new int[n];
        var submitted = new long[n];
        var flagged = new bool[workerCount];
        var w = 0;
        for (var country = 0; country < countries.Count; country++)
        {
            var c = countries[country];
            for (var i = 0; i < c.Workers; i++, w++)
            {
                var level = c.MinLevel + ((c.MaxLevel - c.MinLevel) * random.NextDouble());
                var day = random.Next(100);
                var sum = 0.0;
                for (var k = 0; k < AnswersPerWorker; k++)
                {
                    var a = (w * AnswersPerWorker) + k;
                    var t = Math.Clamp((int)((level + ((random.NextDouble() - 0.5) * 0.2)) * Tasks), 0, Tasks - 1);
                    task[a] = t;
                    worker[a] = w;
                    codes[a] = country;
                    submitted[a] = s_origin + (day * TimeSpan.TicksPerDay) + (k * TimeSpan.TicksPerHour);
                    sum += Difficulty(t);
                }

                var factor = c.FlagFactor * (day >= 67 ? newcomerFactor : 1);
                flagged[w] = random.NextDouble() < Math.Min(1, factor * BaseFlagProbability(sum / AnswersPerWorker));
            }
        }

        var difficulty = new double[Tasks];
        for (var t = 0; t < Tasks; t++)
        {
            difficulty[t] = Difficulty(t);
        }

        var names = new string[countries.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = countries[i].Name;
        }

        var answers = AnswerSet.FromColumns(Ids("t", Tasks), Ids("w", workerCount), ["x"], task, worker, label);
        var context = new AnswerContext(
            n,
            submittedAtTicks: withTimes ? submitted : null,
            country: withCountry ? new CategoricalColumn(names, codes) : null);
        return new CohortLog(answers, context, flagged, difficulty);
    }

    /// <summary>Four countries of 200 workers over the full difficulty range; <paramref name="planted"/> (if any) flagged twice as often.</summary>
    public static CohortCountry[] FourCountries(string? planted = null) =>
    [
        new("US", 200, FlagFactor: planted == "US" ? 2 : 1),
        new("BR", 200, FlagFactor: planted == "BR" ? 2 : 1),
        new("IN", 200, FlagFactor: planted == "IN" ? 2 : 1),
        new("PH", 200, FlagFactor: planted == "PH" ? 2 : 1),
    ];

    private static double Difficulty(int task) => (task + 0.5) / Tasks;

    private static string[] Ids(string prefix, int count)
    {
        var ids = new string[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = $"{prefix}{i:D5}";
        }

        return ids;
    }
}
