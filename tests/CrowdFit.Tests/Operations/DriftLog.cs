using CrowdFit.Answers;

namespace CrowdFit.Tests.Operations;

/// <summary>
/// A seeded synthetic crowd log for drift: per day, tasks whose true label is drawn from that day's class
/// distribution, each answered by distinct workers who are right with that day's accuracy and otherwise pick another
/// label at random. Rows are shuffled, so answer positions and source rows differ.
/// </summary>
internal static class DriftLog
{
    public const int Workers = 40;

    public static readonly DateTimeOffset Origin = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static (AnswerSet Answers, AnswerContext Context) Build(
        int seed,
        string[] labels,
        Func<int, double[]> classShares,
        Func<int, double> accuracy,
        int days = 10,
        int tasksPerDay = 100,
        int answersPerTask = 5,
        int untimed = 0)
    {
        var random = new Random(seed);
        var n = days * tasksPerDay * answersPerTask;
        var task = new int[n];
        var worker = new int[n];
        var label = new int[n];
        var submitted = new long[n];
        var row = 0;
        for (var d = 0; d < days; d++)
        {
            var shares = classShares(d);
            for (var t = 0; t < tasksPerDay; t++)
            {
                var truth = Draw(random, shares);
                var first = random.Next(Workers);
                for (var k = 0; k < answersPerTask; k++)
                {
                    task[row] = (d * tasksPerDay) + t;
                    worker[row] = (first + (k * 7)) % Workers;
                    label[row] = random.NextDouble() < accuracy(d) ? truth : Other(random, truth, labels.Length);
                    submitted[row] = Origin.AddDays(d + random.NextDouble()).UtcTicks;
                    row++;
                }
            }
        }

        for (var i = n - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (task[i], task[j]) = (task[j], task[i]);
            (worker[i], worker[j]) = (worker[j], worker[i]);
            (label[i], label[j]) = (label[j], label[i]);
            (submitted[i], submitted[j]) = (submitted[j], submitted[i]);
        }

        submitted.AsSpan(0, untimed).Fill(AnswerContext.MissingTicks);
        var answers = AnswerSet.FromColumns(
            [.. Enumerable.Range(0, days * tasksPerDay).Select(t => $"t{t:D5}")],
            [.. Enumerable.Range(0, Workers).Select(w => $"w{w:D2}")],
            [.. labels],
            task,
            worker,
            label);
        return (answers, new AnswerContext(n, submittedAtTicks: submitted));
    }

    private static int Draw(Random random, double[] shares)
    {
        var u = random.NextDouble();
        for (var c = 0; c < shares.Length - 1; c++)
        {
            u -= shares[c];
            if (u < 0)
            {
                return c;
            }
        }

        return shares.Length - 1;
    }

    private static int Other(Random random, int truth, int classes)
    {
        var other = random.Next(classes - 1);
        return other >= truth ? other + 1 : other;
    }
}
