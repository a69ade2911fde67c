using CrowdFit.Answers;
using CrowdFit.Truth;

namespace CrowdFit.Tests.Truth;

/// <summary>
/// A simulated crowd with known truth: every worker answers rightly with its own accuracy and otherwise
/// picks a wrong class uniformly (the one-coin model). Arrays are indexed by the answer set's indices.
/// </summary>
/// <param name="Answers">The simulated answers.</param>
/// <param name="Truth">True class per task.</param>
/// <param name="Accuracy">Share of each worker's answers that are actually right (its empirical accuracy).</param>
internal sealed record SyntheticCrowd(AnswerSet Answers, int[] Truth, double[] Accuracy)
{
    /// <summary>
    /// Simulates <paramref name="tasks"/> tasks of <paramref name="classes"/> classes, each answered by
    /// <paramref name="perTask"/> distinct workers drawn from a pool whose accuracies are spread evenly
    /// over [<paramref name="lowest"/>, <paramref name="highest"/>].
    /// </summary>
    public static SyntheticCrowd Generate(int seed, int tasks = 2000, int classes = 3, int workers = 30, int perTask = 7, double lowest = 0.55, double highest = 0.95)
    {
        var random = new Random(seed);
        var skill = new double[workers];
        for (var w = 0; w < workers; w++)
        {
            skill[w] = lowest + ((highest - lowest) * w / (workers - 1));
        }

        var truth = new int[tasks];
        var rows = new List<(string, string, string)>();
        for (var t = 0; t < tasks; t++)
        {
            truth[t] = random.Next(classes);
            var chosen = new HashSet<int>();
            while (chosen.Count < perTask)
            {
                chosen.Add(random.Next(workers));
            }

            foreach (var w in chosen)
            {
                var label = random.NextDouble() < skill[w] ? truth[t] : (truth[t] + 1 + random.Next(classes - 1)) % classes;
                rows.Add(($"t{t}", $"w{w:D3}", $"c{label}"));
            }
        }

        var answers = AnswerSet.FromTriples(rows);
        var truthByIndex = new int[answers.TaskCount];
        for (var t = 0; t < tasks; t++)
        {
            truthByIndex[answers.FindTask($"t{t}")] = answers.FindLabel($"c{truth[t]}");
        }

        return new SyntheticCrowd(answers, truthByIndex, EmpiricalAccuracy(answers, truthByIndex));
    }

    /// <summary>Share of tasks whose most probable label is the true one.</summary>
    public double LabelAccuracy(TruthResult result)
    {
        var right = 0;
        for (var t = 0; t < Truth.Length; t++)
        {
            right += result.Label(t) == Truth[t] ? 1 : 0;
        }

        return (double)right / Truth.Length;
    }

    private static double[] EmpiricalAccuracy(AnswerSet answers, int[] truth)
    {
        var right = new double[answers.WorkerCount];
        var total = new double[answers.WorkerCount];
        for (var a = 0; a < answers.Count; a++)
        {
            total[answers.Workers[a]]++;
            right[answers.Workers[a]] += answers.AnswerLabels[a] == truth[answers.Tasks[a]] ? 1 : 0;
        }

        for (var w = 0; w < right.Length; w++)
        {
            right[w] /= total[w];
        }

        return right;
    }
}
