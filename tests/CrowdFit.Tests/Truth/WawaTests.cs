using CrowdFit.Answers;
using CrowdFit.Truth;

namespace CrowdFit.Tests.Truth;

public sealed class WawaTests
{
    // Majority labels: t1 x, t2 y, t3 a tie that goes to x. Skills: a 3/3, b 2/2, c 1/3.
    private static readonly AnswerSet s_small = AnswerSet.FromTriples(
    [
        ("t1", "a", "x"), ("t1", "b", "x"), ("t1", "c", "y"),
        ("t2", "a", "y"), ("t2", "b", "y"), ("t2", "c", "y"),
        ("t3", "a", "x"), ("t3", "c", "y"),
    ]);

    [Fact]
    public void Fit_SmallLog_SkillsAreAgreementWithMajority()
    {
        var wawa = new Wawa();

        var skills = wawa.Fit(s_small).Skills.Span;

        Assert.Equal(1.0, skills[s_small.FindWorker("a")], 12);
        Assert.Equal(1.0, skills[s_small.FindWorker("b")], 12);
        Assert.Equal(1.0 / 3, skills[s_small.FindWorker("c")], 12);
    }

    [Fact]
    public void Infer_SmallLog_PosteriorIsSkillWeightedVoteShare()
    {
        var wawa = new Wawa();

        var result = wawa.Infer(s_small);

        Assert.Equal(2 / (2 + (1.0 / 3)), result.Posterior(s_small.FindTask("t1"))[s_small.FindLabel("x")], 12);
        Assert.Equal(1.0, result.Posterior(s_small.FindTask("t2"))[s_small.FindLabel("y")], 12);
        Assert.Equal(0.75, result.Posterior(s_small.FindTask("t3"))[s_small.FindLabel("x")], 12);
    }

    [Fact]
    public void Fit_RepeatedAnswer_CountsOnceInSkillButTwiceInVote()
    {
        var answers = AnswerSet.FromTriples(
            [("t1", "a", "x"), ("t1", "a", "x"), ("t1", "b", "y"), ("t1", "c", "y"), ("t1", "d", "y"), ("t2", "a", "y"), ("t2", "b", "y")]);

        var once = new Wawa().Fit(answers);
        var every = new Wawa(new WawaOptions { CountRepeatsOnce = false }).Fit(answers);

        Assert.Equal(0.5, once.Skills.Span[answers.FindWorker("a")], 12);
        Assert.Equal(1.0 / 3, every.Skills.Span[answers.FindWorker("a")], 12);
        Assert.Equal(0.25, once.Truth.Posterior(answers.FindTask("t1"))[answers.FindLabel("x")], 12);
    }

    [Fact]
    public void Fit_GoldTask_SkillsMeasuredAgainstGoldAndPosteriorClamped()
    {
        var answers = AnswerSet.FromTriples([("t1", "a", "x"), ("t1", "b", "x"), ("t1", "c", "y"), ("t2", "a", "y"), ("t2", "c", "y")]);
        var gold = GoldLabels.FromPairs(answers, [("t1", "y")]);

        var fit = new Wawa().Fit(answers, gold);

        Assert.Equal(0.5, fit.Skills.Span[answers.FindWorker("a")], 12);
        Assert.Equal(1.0, fit.Skills.Span[answers.FindWorker("c")], 12);
        Assert.Equal(1.0, fit.Truth.Posterior(answers.FindTask("t1"))[answers.FindLabel("y")]);
    }

    [Fact]
    public void Fit_WorkerWithoutAnswers_HasNaNSkill()
    {
        var answers = AnswerSet.FromColumns(["t1"], ["a", "idle"], ["x", "y"], [0], [0], [1]);

        var fit = new Wawa().Fit(answers);

        Assert.True(double.IsNaN(fit.Skills.Span[1]));
        Assert.Equal(1.0, fit.Truth.Posterior(0)[1]);
    }

    [Fact]
    public void Fit_SyntheticCrowd_RecoversLabelsAndSkills()
    {
        var crowd = SyntheticCrowd.Generate(seed: 11, perTask: 9, lowest: 0.6);

        var fit = new Wawa().Fit(crowd.Answers);

        // The majority errs on a few per cent of tasks, so agreement with it tracks accuracy within 0.04.
        Assert.True(crowd.LabelAccuracy(fit.Truth) >= 0.97, $"label accuracy {crowd.LabelAccuracy(fit.Truth)}");
        Assert.True(crowd.LabelAccuracy(fit.Truth) >= crowd.LabelAccuracy(new MajorityVote().Infer(crowd.Answers)));
        for (var w = 0; w < crowd.Accuracy.Length; w++)
        {
            Assert.True(Math.Abs(fit.Skills.Span[w] - crowd.Accuracy[w]) <= 0.04, $"worker {w}: skill {fit.Skills.Span[w]}, accuracy {crowd.Accuracy[w]}");
        }
    }

    [Fact]
    public void Infer_TwoRuns_IdenticalPosteriors()
    {
        var crowd = SyntheticCrowd.Generate(seed: 5);

        var first = new Wawa().Infer(crowd.Answers);
        var second = new Wawa().Infer(crowd.Answers);

        Assert.Equal(first.Posteriors.ToArray(), second.Posteriors.ToArray());
    }
}
