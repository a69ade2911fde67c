using System.Globalization;
using CrowdFit.Answers;
using CrowdFit.Live;
using CrowdFit.Operations;
using CrowdFit.Service.Projects;
using CrowdFit.Truth;

namespace CrowdFit.Service.Findings;

/// <summary>One stored answer as drift reads it.</summary>
internal readonly record struct ReceivedAnswer(string Task, string Worker, string Label, string ReceivedAt);

/// <summary>
/// Runs the engine's drift analysis (<see cref="Drift"/>) over a project's stored answers placed by the time they were
/// received, measuring agreement against the live engine's current label of each task (the gold label on control tasks).
/// </summary>
internal static class LiveDrift
{
    /// <summary>Projects spanning less than this get hour windows: day windows would leave at most two to compare.</summary>
    public static readonly TimeSpan DaySpan = TimeSpan.FromDays(2);

    /// <summary>The window length <c>auto</c> picks for answers received between <paramref name="first"/> and <paramref name="last"/>.</summary>
    public static string AutoWindow(DateTimeOffset first, DateTimeOffset last) => last - first >= DaySpan ? "day" : "hour";

    /// <summary>The drift report of the answers, in the order they were stored.</summary>
    /// <param name="host">The project.</param>
    /// <param name="answers">Its stored answers; those of tasks the engine does not know yet are left out.</param>
    /// <param name="window"><c>day</c>, <c>hour</c> or <c>auto</c> (day when the answers span two days or more).</param>
    /// <param name="minAnswers">Fewest answers per window.</param>
    public static (DriftReport Report, string Window) Analyze(ProjectHost host, IReadOnlyList<ReceivedAnswer> answers, string window, int minAnswers)
    {
        string[] tasks;
        double[] posterior;
        var labels = host.Live.Labels;
        var k = labels.Count;
        lock (host.Gate)
        {
            tasks = [.. host.Tasks];
            posterior = new double[tasks.Length * k];
            for (var t = 0; t < tasks.Length; t++)
            {
                if (host.Live.State(tasks[t]) == LiveTaskStatus.Gold)
                {
                    posterior[(t * k) + host.Live.Status(tasks[t]).Label] = 1;
                }
                else
                {
                    host.Live.Posterior(tasks[t]).CopyTo(posterior, t * k);
                }
            }
        }

        var taskIndex = tasks.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        var labelIndex = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);
        var workerIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var workerIds = new List<string>();
        List<int> task = [], worker = [], label = [];
        List<long> ticks = [];
        foreach (var a in answers)
        {
            if (!taskIndex.TryGetValue(a.Task, out var t) || !labelIndex.TryGetValue(a.Label, out var l))
            {
                continue;
            }

            if (!workerIndex.TryGetValue(a.Worker, out var w))
            {
                w = workerIds.Count;
                workerIndex[a.Worker] = w;
                workerIds.Add(a.Worker);
            }

            task.Add(t);
            worker.Add(w);
            label.Add(l);
            ticks.Add(DateTimeOffset.Parse(a.ReceivedAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind).UtcTicks);
        }

        var set = AnswerSet.FromColumns(tasks, [.. workerIds], [.. labels], [.. task], [.. worker], [.. label]);
        if (window == "auto")
        {
            window = ticks.Count == 0 ? "hour" : AutoWindow(new DateTimeOffset(ticks.Min(), TimeSpan.Zero), new DateTimeOffset(ticks.Max(), TimeSpan.Zero));
        }

        var options = new DriftOptions { Window = window == "day" ? TimeSpan.FromDays(1) : TimeSpan.FromHours(1), MinAnswers = minAnswers };
        var context = new AnswerContext(task.Count, submittedAtTicks: [.. ticks]);
        return (Drift.Analyze(set, context, Truth(set, posterior, workerIds.Count), options), window);
    }

    /// <summary>The live labels as a truth result: the posteriors, their mean as the class prior, and no worker estimates.</summary>
    private static TruthResult Truth(AnswerSet set, double[] posterior, int workers)
    {
        var k = set.ClassCount;
        var prior = new double[k];
        for (var t = 0; t < set.TaskCount; t++)
        {
            for (var c = 0; c < k; c++)
            {
                prior[c] += posterior[(t * k) + c] / set.TaskCount;
            }
        }

        var none = Enumerable.Range(0, workers).Select(w => new WorkerEstimate(w, 0, double.NaN, double.NaN, double.NaN, ReadOnlyMemory<double>.Empty)).ToArray();
        return new TruthResult("live", set, posterior, prior, none, 0, true);
    }
}
