using CrowdFit.Answers;
using CrowdFit.Truth;

namespace CrowdFit.Tests.Truth;

public sealed class OneCoinDawidSkeneTests
{
    [Fact]
    public void Infer_OneIterationTwoAgainstOne_MatchesHandWorkedPosterior()
    {
        // Start: shares (2/3, 1/3) are also the prior; skills a = b = 2/3, c = 1/3. Truth x has weight
        // 2/3 · (2/3)² · (1 − 1/3) = 16/81, truth y has 1/3 · (1/3)² · 1/3 = 1/81.
        var answers = AnswerSet.FromTriples([("t1", "a", "x"), ("t1", "b", "x"), ("t1", "c", "y")]);

        var result = new OneCoinDawidSkene(new OneCoinDawidSkeneOptions { MaxIterations = 1 }).Infer(answers);

        Assert.Equal(16.0 / 17, result.Posterior(0)[answers.FindLabel("x")], 12);
    }

    [Fact]
    public void Fit_ThreeClasses_ConfusionIsOneCoin()
    {
        var answers = AnswerSet.FromTriples(
            [("t1", "a", "x"), ("t1", "b", "x"), ("t2", "a", "y"), ("t2", "b", "z"), ("t3", "a", "z"), ("t3", "b", "z")]);

        var fit = new OneCoinDawidSkene().Fit(answers);

        var b = answers.FindWorker("b");
        var skill = fit.Skills.Span[b];
        var estimate = fit.Truth.Workers[b];
        Assert.Equal(skill, estimate.ConfusionAt(1, 1, 3), 12);
        Assert.Equal((1 - skill) / 2, estimate.ConfusionAt(1, 2, 3), 12);
        Assert.Equal((1 - skill) / 2, estimate.ConfusionAt(2, 0, 3), 12);
    }

    [Fact]
    public void Infer_GoldTask_IsClamped()
    {
        var answers = AnswerSet.FromTriples([("t1", "a", "x"), ("t1", "b", "x"), ("t2", "a", "y"), ("t2", "b", "x")]);
        var gold = GoldLabels.FromPairs(answers, [("t1", "y")]);

        var result = new OneCoinDawidSkene().Infer(answers, gold);

        Assert.Equal(1.0, result.Posterior(answers.FindTask("t1"))[answers.FindLabel("y")]);
    }

    [Fact]
    public void Fit_SyntheticCrowd_RecoversLabelsAndSkills()
    {
        var crowd = SyntheticCrowd.Generate(seed: 7);

        var fit = new OneCoinDawidSkene().Fit(crowd.Answers);

        Assert.True(crowd.LabelAccuracy(fit.Truth) >= 0.97, $"label accuracy {crowd.LabelAccuracy(fit.Truth)}");
        for (var w = 0; w < crowd.Accuracy.Length; w++)
        {
            Assert.True(Math.Abs(fit.Skills.Span[w] - crowd.Accuracy[w]) <= 0.03, $"worker {w}: skill {fit.Skills.Span[w]}, accuracy {crowd.Accuracy[w]}");
        }
    }

    [Fact]
    public void Infer_TwoRuns_IdenticalPosteriors()
    {
        var crowd = SyntheticCrowd.Generate(seed: 5);

        var first = new OneCoinDawidSkene().Infer(crowd.Answers);
        var second = new OneCoinDawidSkene().Infer(crowd.Answers);

        Assert.Equal(first.Posteriors.ToArray(), second.Posteriors.ToArray());
    }

    [Fact]
    public void Infer_SingleClass_IsPointMass()
    {
        var answers = AnswerSet.FromTriples([("t1", "a", "x"), ("t2", "b", "x")]);

        var result = new OneCoinDawidSkene().Infer(answers);

        Assert.Equal(1.0, result.Posterior(1)[0]);
        Assert.Equal(1.0, result.Workers[0].Accuracy);
    }

    [Fact]
    public void Constructor_SeveralBadOptions_ReportsAllTogether()
    {
        var options = new OneCoinDawidSkeneOptions { MaxIterations = 0, Tolerance = double.NaN, Floor = 0.5 };

        var error = Assert.Throws<ArgumentException>(() => new OneCoinDawidSkene(options));

        Assert.Contains("MaxIterations", error.Message, StringComparison.Ordinal);
        Assert.Contains("Tolerance", error.Message, StringComparison.Ordinal);
        Assert.Contains("Floor", error.Message, StringComparison.Ordinal);
    }
}
