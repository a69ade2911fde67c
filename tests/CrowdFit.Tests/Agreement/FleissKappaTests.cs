using CrowdFit.Agreement;
using CrowdFit.Answers;

namespace CrowdFit.Tests.Agreement;

public sealed class FleissKappaTests
{
    // Fleiss' kappa worked example (Wikipedia, "Fleiss' kappa"): 10 subjects, 14 raters, 5 categories.
    private static readonly int[][] s_wikipedia =
    [
        [0, 0, 0, 0, 14],
        [0, 2, 6, 4, 2],
        [0, 0, 3, 5, 6],
        [0, 3, 9, 2, 0],
        [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0],
        [3, 2, 6, 3, 0],
        [2, 5, 3, 2, 2],
        [6, 5, 2, 1, 0],
        [0, 2, 2, 3, 7],
    ];

    [Fact]
    public void Compute_WikipediaExample_MatchesPublishedValues()
    {
        var answers = AgreementData.FromCounts(s_wikipedia);

        var result = FleissKappa.Compute(answers);

        Assert.Equal(0.378, result.ObservedAgreement, 3);
        Assert.Equal(0.213, result.ExpectedAgreement, 3);
        Assert.Equal(0.210, result.Kappa, 3);
        Assert.Equal(172.0 / 455, result.ObservedAgreement, 14);
        Assert.Equal(417.0 / 1960, result.ExpectedAgreement, 14);
        Assert.Equal([0.143, 0.200, 0.279, 0.150, 0.229], result.CategoryProportions.ToArray().Select(p => Math.Round(p, 3)));
        Assert.Equal(10, result.TasksUsed);
        Assert.Equal(140, result.AnswersUsed);
    }

    [Fact]
    public void Compute_EqualRaters_ReducesToFleiss1971()
    {
        var counts = BiasedCounts(seed: 11, tasks: 300, raters: 6, classes: 4);
        var answers = AgreementData.FromCounts(counts);

        var result = FleissKappa.Compute(answers);

        var (observed, expected, proportions) = Fleiss1971(counts);
        Assert.Equal(observed, result.ObservedAgreement, 12);
        Assert.Equal(expected, result.ExpectedAgreement, 12);
        Assert.Equal((observed - expected) / (1 - expected), result.Kappa, 12);
        for (var j = 0; j < proportions.Length; j++)
        {
            Assert.Equal(proportions[j], result.CategoryProportions.Span[j], 12);
        }

        Assert.InRange(result.Kappa, 0.2, 0.6);
    }

    [Fact]
    public void Compute_UnequalRaters_MatchesHandWorkedGeneralisation()
    {
        // P = 1/3, 1 and 1/2 on the first three tasks; t4 has one answer and is skipped, its "c" too.
        var answers = AnswerSet.FromTriples(
        [
            ("t1", "w1", "a"), ("t1", "w2", "a"), ("t1", "w3", "b"),
            ("t2", "w1", "a"), ("t2", "w4", "a"),
            ("t3", "w2", "b"), ("t3", "w3", "b"), ("t3", "w4", "b"), ("t3", "w5", "c"),
            ("t4", "w1", "c"),
        ]);

        var result = FleissKappa.Compute(answers);

        Assert.Equal(11.0 / 18, result.ObservedAgreement, 14);
        Assert.Equal(11.0 / 27, result.ExpectedAgreement, 14);
        Assert.Equal(11.0 / 32, result.Kappa, 14);
        Assert.Equal([4.0 / 9, 4.0 / 9, 1.0 / 9], result.CategoryProportions.ToArray());
        Assert.Equal(3, result.TasksUsed);
        Assert.Equal(9, result.AnswersUsed);
    }

    [Fact]
    public void Compute_PerfectAgreement_IsOne()
    {
        var answers = AgreementData.FromCounts([[3, 0, 0], [0, 5, 0], [0, 0, 2], [4, 0, 0]]);

        var result = FleissKappa.Compute(answers);

        Assert.Equal(1.0, result.Kappa);
        Assert.Equal(1.0, result.ObservedAgreement);
    }

    [Fact]
    public void Compute_EveryAnswerSameCategory_IsNaNWithFullAgreement()
    {
        var answers = AgreementData.FromCounts([[3], [5], [2]]);

        var result = FleissKappa.Compute(answers);

        Assert.True(double.IsNaN(result.Kappa));
        Assert.Equal(1.0, result.ObservedAgreement);
        Assert.Equal(1.0, result.ExpectedAgreement);
        Assert.Equal(3, result.TasksUsed);
    }

    [Fact]
    public void Compute_RandomAnswers_IsNearZero()
    {
        var answers = AgreementData.RandomCrowd(seed: 5, tasks: 3000, minRaters: 2, maxRaters: 7, classes: 4);

        var result = FleissKappa.Compute(answers);

        Assert.InRange(result.Kappa, -0.02, 0.02);
        Assert.Equal(3000, result.TasksUsed);
    }

    [Fact]
    public void Compute_Include_EqualsComputeOnTheSubset()
    {
        var answers = AgreementData.RandomCrowd(seed: 8, tasks: 500, minRaters: 1, maxRaters: 6, classes: 3);
        var mask = AgreementData.RandomMask(seed: 9, answers.Count, share: 0.6);

        var subset = FleissKappa.Compute(answers, mask);

        var rebuilt = FleissKappa.Compute(answers.Where(mask));
        Assert.Equal(rebuilt.Kappa, subset.Kappa);
        Assert.Equal(rebuilt.ObservedAgreement, subset.ObservedAgreement);
        Assert.Equal(rebuilt.ExpectedAgreement, subset.ExpectedAgreement);
        Assert.Equal(rebuilt.CategoryProportions.ToArray(), subset.CategoryProportions.ToArray());
        Assert.Equal(rebuilt.TasksUsed, subset.TasksUsed);
        Assert.True(subset.TasksUsed < FleissKappa.Compute(answers).TasksUsed);
    }

    [Fact]
    public void Compute_IncludeOneProject_IgnoresTheOtherProject()
    {
        var agreeing = AgreementData.FromCounts([[3, 0], [0, 3], [3, 0]]);
        var rows = new List<(string, string, string)>();
        var project = new List<bool>();
        for (var a = 0; a < agreeing.Count; a++)
        {
            rows.Add((agreeing.TaskIds[agreeing.Tasks[a]], agreeing.WorkerIds[agreeing.Workers[a]], agreeing.Labels[agreeing.AnswerLabels[a]]));
            project.Add(true);
        }

        // A second project on the same tasks whose workers disagree with everyone.
        rows.AddRange([("t0000", "x1", "c1"), ("t0001", "x1", "c0"), ("t0002", "x2", "c1")]);
        project.AddRange([false, false, false]);
        var answers = AnswerSet.FromTriples(rows);
        var include = new bool[answers.Count];
        for (var a = 0; a < answers.Count; a++)
        {
            include[a] = project[answers.SourceRow(a)];
        }

        var result = FleissKappa.Compute(answers, include);

        Assert.Equal(1.0, result.Kappa);
        Assert.True(FleissKappa.Compute(answers).Kappa < 0.5);
    }

    [Fact]
    public void Compute_IncludeWrongLength_Throws()
    {
        var answers = AgreementData.FromCounts([[2, 1]]);

        Assert.Throws<ArgumentException>(() => FleissKappa.Compute(answers, new bool[2]));
    }

    [Fact]
    public void Compute_Empty_IsNaNWithNoTasksUsed()
    {
        var answers = AnswerSet.FromTriples([]);

        var result = FleissKappa.Compute(answers);

        Assert.True(double.IsNaN(result.Kappa));
        Assert.True(double.IsNaN(result.ObservedAgreement));
        Assert.True(double.IsNaN(result.ExpectedAgreement));
        Assert.Equal(0, result.CategoryProportions.Length);
        Assert.Equal(0, result.TasksUsed);
        Assert.Equal(0, result.AnswersUsed);
    }

    [Fact]
    public void Compute_OnlySingleAnswerTasks_IsNaNWithNaNProportions()
    {
        var answers = AgreementData.FromCounts([[1, 0], [0, 1], [1, 0]]);

        var result = FleissKappa.Compute(answers);

        Assert.True(double.IsNaN(result.Kappa));
        Assert.All(result.CategoryProportions.ToArray(), p => Assert.True(double.IsNaN(p)));
        Assert.Equal(0, result.TasksUsed);
    }

    [Fact]
    public void Compute_IncludeNothing_IsNaN()
    {
        var answers = AgreementData.FromCounts(s_wikipedia);

        var result = FleissKappa.Compute(answers, new bool[answers.Count]);

        Assert.True(double.IsNaN(result.Kappa));
        Assert.Equal(0, result.TasksUsed);
    }

    [Fact]
    public void Compute_WarmCall_AllocatesOnlyTheResult()
    {
        var answers = AgreementData.RandomCrowd(seed: 2, tasks: 2000, minRaters: 2, maxRaters: 6, classes: 4);
        var include = AgreementData.RandomMask(seed: 4, answers.Count, share: 0.5);
        FleissKappa.Compute(answers, include);

        var before = GC.GetAllocatedBytesForCurrentThread();
        FleissKappa.Compute(answers, include);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // The result record and its four proportions; nothing per task or per answer.
        Assert.InRange(allocated, 1, 256);
    }

    private static int[][] BiasedCounts(int seed, int tasks, int raters, int classes)
    {
        var random = new Random(seed);
        var counts = new int[tasks][];
        for (var i = 0; i < tasks; i++)
        {
            counts[i] = new int[classes];
            var truth = random.Next(classes);
            for (var r = 0; r < raters; r++)
            {
                counts[i][random.NextDouble() < 0.6 ? truth : random.Next(classes)]++;
            }
        }

        return counts;
    }

    // Fleiss (1971) for a fixed number of raters n per subject, written as in the paper.
    private static (double Observed, double Expected, double[] Proportions) Fleiss1971(int[][] counts)
    {
        var subjects = counts.Length;
        var n = counts[0].Sum();
        var classes = counts[0].Length;
        var sumP = 0.0;
        var proportions = new double[classes];
        foreach (var row in counts)
        {
            Assert.Equal(n, row.Sum());
            sumP += (row.Sum(x => (double)x * x) - n) / (n * (n - 1.0));
            for (var j = 0; j < classes; j++)
            {
                proportions[j] += row[j] / ((double)subjects * n);
            }
        }

        return (sumP / subjects, proportions.Sum(p => p * p), proportions);
    }
}
