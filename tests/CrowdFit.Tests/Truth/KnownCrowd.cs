using CrowdFit.Answers;

namespace CrowdFit.Tests.Truth;

/// <summary>A small synthetic crowd with known confusion matrices, for recovery tests.</summary>
internal sealed class KnownCrowd
{
    private KnownCrowd(AnswerSet answers, int[] truth, double[][] confusion)
    {
        Answers = answers;
        Truth = truth;
        Confusion = confusion;
    }

    public AnswerSet Answers { get; }

    /// <summary>True class per task index.</summary>
    public int[] Truth { get; }

    /// <summary>Row-major K×K confusion per worker index.</summary>
    public double[][] Confusion { get; }

    /// <summary>
    /// Tasks × perTask answers from workers drawn at random; each worker's confusion matrix has
    /// accuracy in [0.55, 0.95] with errors spread unevenly, and <paramref name="spammers"/> workers answer
    /// uniformly at random.
    /// </summary>
    public static KnownCrowd Generate(int tasks, int workers, int classes, int perTask, int spammers, int seed)
    {
        var random = new Random(seed);
        var confusion = new double[workers][];
        for (var w = 0; w < workers; w++)
        {
            confusion[w] = new double[classes * classes];
            for (var k = 0; k < classes; k++)
            {
                var accuracy = w < spammers ? 1.0 / classes : 0.55 + (0.4 * random.NextDouble());
                var weights = new double[classes];
                var sum = 0.0;
                for (var l = 0; l < classes; l++)
                {
                    weights[l] = l == k ? 0 : random.NextDouble() + 0.1;
                    sum += weights[l];
                }

                for (var l = 0; l < classes; l++)
                {
                    confusion[w][(k * classes) + l] = l == k ? accuracy : (1 - accuracy) * weights[l] / sum;
                }
            }
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

            foreach (var w in chosen.Order())
            {
                rows.Add(($"t{t}", $"w{w}", Draw(random, confusion[w].AsSpan(truth[t] * classes, classes)).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        var labels = Enumerable.Range(0, classes).Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var answers = AnswerSet.FromTriples(rows, labels);
        var byIndex = new double[workers][];
        for (var w = 0; w < workers; w++)
        {
            var index = answers.FindWorker($"w{w}");
            if (index >= 0)
            {
                byIndex[index] = confusion[w];
            }
        }

        var truthByIndex = new int[tasks];
        for (var t = 0; t < tasks; t++)
        {
            truthByIndex[answers.FindTask($"t{t}")] = truth[t];
        }

        return new KnownCrowd(answers, truthByIndex, byIndex);
    }

    public double Accuracy(Func<int, int> label)
    {
        var right = 0;
        for (var t = 0; t < Truth.Length; t++)
        {
            right += label(t) == Truth[t] ? 1 : 0;
        }

        return (double)right / Truth.Length;
    }

    private static int Draw(Random random, ReadOnlySpan<double> row)
    {
        var u = random.NextDouble();
        for (var l = 0; l < row.Length; l++)
        {
            u -= row[l];
            if (u < 0)
            {
                return l;
            }
        }

        return row.Length - 1;
    }
}
