namespace CrowdFit.Simulation.Tests;

public sealed class DawidSkeneCrowdTests
{
    private static readonly DawidSkeneCrowdOptions s_small = DawidSkeneCrowdOptions.Default with { Tasks = 20_000 };

    [Fact]
    public void Generate_SameOptions_GivesIdenticalCrowds()
    {
        var first = DawidSkeneCrowd.Generate(s_small);
        var second = DawidSkeneCrowd.Generate(s_small);

        Assert.Equal(first.TrueLabels.ToArray(), second.TrueLabels.ToArray());
        Assert.Equal(first.AnswerWorkers.ToArray(), second.AnswerWorkers.ToArray());
        Assert.Equal(first.AnswerLabels.ToArray(), second.AnswerLabels.ToArray());
        Assert.Equal(first.Workers.Select(w => w.Confusion.ToArray()), second.Workers.Select(w => w.Confusion.ToArray()));
    }

    [Fact]
    public void Generate_OtherSeed_GivesOtherCrowd()
    {
        var first = DawidSkeneCrowd.Generate(s_small);
        var second = DawidSkeneCrowd.Generate(s_small with { Seed = 2 });

        Assert.NotEqual(first.AnswerWorkers.ToArray(), second.AnswerWorkers.ToArray());
        Assert.NotEqual(first.Workers[0].Accuracy, second.Workers[0].Accuracy);
    }

    [Fact]
    public void Generate_FewerTasks_GivesPrefixOfLargerCrowd()
    {
        var large = DawidSkeneCrowd.Generate(s_small);
        var small = DawidSkeneCrowd.Generate(s_small with { Tasks = 100, GoldShare = 0.5 });

        Assert.Equal(large.TrueLabels[..100].ToArray(), small.TrueLabels.ToArray());
        Assert.Equal(large.AnswerWorkers[..500].ToArray(), small.AnswerWorkers.ToArray());
        Assert.Equal(large.AnswerLabels[..500].ToArray(), small.AnswerLabels.ToArray());
    }

    [Fact]
    public void Generate_Defaults_HaveExpectedShapes()
    {
        var crowd = DawidSkeneCrowd.Generate(s_small);

        Assert.Equal(20_000, crowd.TrueLabels.Length);
        Assert.Equal(100_000, crowd.AnswerTasks.Length);
        Assert.Equal(100_000, crowd.AnswerWorkers.Length);
        Assert.Equal(100_000, crowd.AnswerLabels.Length);
        Assert.Equal(2_000, crowd.Workers.Count);
        Assert.All(crowd.TrueLabels.ToArray(), k => Assert.InRange(k, 0, 3));
        Assert.All(crowd.AnswerLabels.ToArray(), k => Assert.InRange(k, 0, 3));
        Assert.All(crowd.AnswerWorkers.ToArray(), w => Assert.InRange(w, 0, 1_999));
        Assert.True(crowd.GoldTasks.IsEmpty);
    }

    [Fact]
    public void Generate_EachTask_HasAnswersPerTaskDistinctWorkers()
    {
        var crowd = DawidSkeneCrowd.Generate(s_small with { AnswersPerTask = 7, Workers = 9 });
        var tasks = crowd.AnswerTasks.Span;
        var workers = crowd.AnswerWorkers.Span;

        for (var t = 0; t < 20_000; t++)
        {
            Assert.Equal(7, tasks.Slice(t * 7, 7).Count(t));
            Assert.Equal(7, workers.Slice(t * 7, 7).ToArray().Distinct().Count());
        }
    }

    [Fact]
    public void Generate_HonestWorkers_AccuracyFollowsRescaledBetaFourTwo()
    {
        var crowd = DawidSkeneCrowd.Generate(s_small with { Tasks = 1, Workers = 20_000 });
        var accuracies = crowd.Workers.Where(w => w.Kind == WorkerKind.Honest).Select(w => w.Accuracy).ToArray();
        var mean = accuracies.Average();
        var sd = Math.Sqrt(accuracies.Average(a => (a - mean) * (a - mean)));

        // 0.30 + 0.69·Beta(4, 2): mean 0.30 + 0.69·2/3, standard deviation 0.69·√(8/252).
        Assert.Equal(0.76, mean, 0.005);
        Assert.Equal(0.69 * Math.Sqrt(8.0 / 252), sd, 0.005);
        Assert.All(accuracies, a => Assert.InRange(a, 0.30, 0.99));
    }

    [Fact]
    public void Generate_HonestWorker_ConfusionRowsSumToOneWithAccuracyOnDiagonal()
    {
        var crowd = DawidSkeneCrowd.Generate(s_small with { Tasks = 1 });
        var worker = crowd.Workers.First(w => w.Kind == WorkerKind.Honest);

        for (var k = 0; k < 4; k++)
        {
            Assert.Equal(worker.Accuracy, worker.AnswerProbability(k, k), 12);
            Assert.Equal(1, Enumerable.Range(0, 4).Sum(j => worker.AnswerProbability(k, j)), 12);
        }
    }

    [Fact]
    public void Generate_Defaults_SpammerShareAndSplitWithinTolerance()
    {
        var crowd = DawidSkeneCrowd.Generate(s_small with { Tasks = 1, Workers = 20_000 });
        var uniform = crowd.Workers.Count(w => w.Kind == WorkerKind.UniformSpammer) / 20_000.0;
        var constant = crowd.Workers.Count(w => w.Kind == WorkerKind.ConstantSpammer) / 20_000.0;

        Assert.Equal(0.15, uniform + constant, 0.01);
        Assert.Equal(0.075, uniform, 0.006);
        Assert.Equal(0.075, constant, 0.006);
    }

    [Fact]
    public void Generate_Spammers_HaveChanceAccuracyAndIdenticalRows()
    {
        var crowd = DawidSkeneCrowd.Generate(s_small with { Tasks = 1, ClassBalance = [4, 3, 2, 1] });
        var uniform = crowd.Workers.First(w => w.Kind == WorkerKind.UniformSpammer);
        var constant = crowd.Workers.First(w => w.Kind == WorkerKind.ConstantSpammer);
        var label = Enumerable.Range(0, 4).Single(j => constant.AnswerProbability(0, j) == 1);

        Assert.Equal(0.25, uniform.Accuracy, 12);
        Assert.Equal(new[] { 0.4, 0.3, 0.2, 0.1 }[label], constant.Accuracy, 12);
        Assert.All(Enumerable.Range(0, 4), k => Assert.Equal(1, constant.AnswerProbability(k, label)));
    }

    [Fact]
    public void Generate_Answers_AgreeWithTruthAtWorkersAccuracy()
    {
        var crowd = DawidSkeneCrowd.Generate(s_small with { Tasks = 100_000 });
        var (correct, expected) = (0.0, 0.0);
        var truth = crowd.TrueLabels.Span;
        var tasks = crowd.AnswerTasks.Span;
        var workers = crowd.AnswerWorkers.Span;
        var labels = crowd.AnswerLabels.Span;

        for (var i = 0; i < labels.Length; i++)
        {
            correct += labels[i] == truth[tasks[i]] ? 1 : 0;
            expected += crowd.Workers[workers[i]].AnswerProbability(truth[tasks[i]], truth[tasks[i]]);
        }

        Assert.Equal(expected / labels.Length, correct / labels.Length, 0.003);
    }

    [Fact]
    public void Generate_ClassBalance_ShapesTrueLabels()
    {
        var crowd = DawidSkeneCrowd.Generate(s_small with { Tasks = 100_000, ClassBalance = [0, 1, 3, 0] });
        var counts = new int[4];

        foreach (var k in crowd.TrueLabels.Span)
        {
            counts[k]++;
        }

        Assert.Equal(0, counts[0]);
        Assert.Equal(0, counts[3]);
        Assert.Equal(0.75, counts[2] / 100_000.0, 0.005);
    }

    [Fact]
    public void Generate_Activity_MoreActiveWorkersAnswerMore()
    {
        var crowd = DawidSkeneCrowd.Generate(s_small with { Tasks = 100_000 });
        var answered = new int[crowd.Workers.Count];
        foreach (var w in crowd.AnswerWorkers.Span)
        {
            answered[w]++;
        }

        var byActivity = crowd.Workers.OrderByDescending(w => w.Activity).Select(w => answered[w.Index]).ToArray();
        var topTenthShare = byActivity.Take(200).Sum() / (double)answered.Sum();

        // Log-normal σ = 1: the top tenth holds 1 − Φ(1.2816 − 1) ≈ 39% of the activity.
        Assert.Equal(0.39, topTenthShare, 0.03);
        Assert.True(byActivity[0] > 10 * byActivity[1_000]);
    }

    [Fact]
    public void Generate_GoldShare_PicksThatShareOfTasksInOrder()
    {
        var crowd = DawidSkeneCrowd.Generate(s_small with { GoldShare = 0.1 });
        var gold = crowd.GoldTasks.ToArray();

        Assert.InRange(gold.Length, 1_850, 2_150);
        Assert.Equal(gold.Order(), gold);
    }

    [Fact]
    public void Generate_GoldShareChanged_KeepsAnswers()
    {
        var without = DawidSkeneCrowd.Generate(s_small);
        var with = DawidSkeneCrowd.Generate(s_small with { GoldShare = 0.3 });

        Assert.Equal(without.AnswerLabels.ToArray(), with.AnswerLabels.ToArray());
        Assert.Equal(without.AnswerWorkers.ToArray(), with.AnswerWorkers.ToArray());
    }
}
