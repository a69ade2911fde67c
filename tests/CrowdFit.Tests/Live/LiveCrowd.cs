using CrowdFit.Live;

namespace CrowdFit.Tests.Live;

/// <summary>
/// A seeded synthetic crowd for the live engine: honest workers with known symmetric accuracies, a few
/// spammers answering uniformly at random, ordinary tasks with a hidden truth and some control tasks.
/// </summary>
internal sealed class LiveCrowd
{
    public static readonly string[] Labels = ["a", "b", "c"];

    private readonly Random _random;

    public LiveCrowd(int seed, int tasks = 300, int gold = 30, int honest = 16, int spammers = 4)
    {
        _random = new Random(seed);
        Workers = new string[honest + spammers];
        Accuracy = new double[honest + spammers];
        for (var w = 0; w < Workers.Length; w++)
        {
            var spammer = w >= honest;
            Workers[w] = spammer ? $"spam{w - honest:00}" : $"w{w:00}";
            Accuracy[w] = spammer ? 1.0 / Labels.Length : 0.7 + (0.25 * w / Math.Max(1, honest - 1));
        }

        Spammers = [.. Workers.Where(w => w.StartsWith("spam", StringComparison.Ordinal))];
        Tasks = new string[tasks + gold];
        Truth = new int[tasks + gold];
        for (var t = 0; t < Tasks.Length; t++)
        {
            Tasks[t] = t < tasks ? $"t{t:000}" : $"g{t - tasks:00}";
            Truth[t] = _random.Next(Labels.Length);
        }

        GoldCount = gold;
    }

    public string[] Workers { get; }

    public double[] Accuracy { get; }

    public string[] Spammers { get; }

    public string[] Tasks { get; }

    public int[] Truth { get; }

    public int GoldCount { get; }

    public bool IsGold(int task) => task >= Tasks.Length - GoldCount;

    public static bool IsSpammer(string worker) => worker.StartsWith("spam", StringComparison.Ordinal);

    /// <summary>Adds every task (control tasks with their gold label).</summary>
    public void AddTasks(LiveProject project)
    {
        for (var t = 0; t < Tasks.Length; t++)
        {
            project.AddTask(Tasks[t], null, IsGold(t) ? Labels[Truth[t]] : null);
        }
    }

    /// <summary>The label worker <paramref name="w"/> gives on task <paramref name="t"/>.</summary>
    public string Answer(int w, int t)
    {
        if (_random.NextDouble() < Accuracy[w] && !IsSpammer(Workers[w]))
        {
            return Labels[Truth[t]];
        }

        if (IsSpammer(Workers[w]))
        {
            return Labels[_random.Next(Labels.Length)];
        }

        var wrong = _random.Next(Labels.Length - 1);
        return Labels[wrong >= Truth[t] ? wrong + 1 : wrong];
    }

    /// <summary>
    /// Every task answered by <paramref name="perTask"/> distinct random workers, but the last
    /// <paramref name="started"/> ordinary tasks by two only (still collecting answers); every worker answers
    /// every control task. Returns the answers in submission order.
    /// </summary>
    public List<(string Task, string Worker, string Label)> Log(int perTask, int started = 0)
    {
        var firstStarted = Tasks.Length - GoldCount - started;
        var log = new List<(string, string, string)>();
        for (var t = 0; t < Tasks.Length; t++)
        {
            if (IsGold(t))
            {
                for (var w = 0; w < Workers.Length; w++)
                {
                    log.Add((Tasks[t], Workers[w], Answer(w, t)));
                }

                continue;
            }

            var chosen = new HashSet<int>();
            while (chosen.Count < (t < firstStarted ? perTask : Math.Min(2, perTask)))
            {
                chosen.Add(_random.Next(Workers.Length));
            }

            foreach (var w in chosen.Order())
            {
                log.Add((Tasks[t], Workers[w], Answer(w, t)));
            }
        }

        return log;
    }
}
