using CrowdFit.Answers;
using CrowdFit.Numerics;
using CrowdFit.Truth;

namespace CrowdFit.Tests.Truth;

public sealed class EbccTests
{
    [Fact]
    public void Infer_SingleAnswer_PosteriorFollowsPriorPseudoCounts()
    {
        // One task, one answer "a", two classes, one subtype, priors class 1, correct 6, error 1. With the
        // task's posterior q(a) = p, E[ln v] of the answered row under Dirichlet(6 + p, 1) and of the other
        // class's row under Dirichlet(1 + (1 − p), 6), and E[ln τ] under Dirichlet(1 + p, 2 − p); the helper
        // iterates that scalar fixed point directly.
        var answers = AnswerSet.FromTriples([("t", "w", "a")], ["b"]);
        var options = new EbccOptions { SubtypeCount = 1, Restarts = 1, Tolerance = 1e-14, MaxIterations = 1000 };

        var result = new Ebcc(options).Infer(answers);

        Assert.Equal("a", answers.Labels[result.Label(0)]);
        Assert.Equal(ExpectedSingleAnswerPosterior(), result.Confidence(0), 6);
    }

    [Fact]
    public void Infer_OneSubtype_MatchesIbccWithTheSamePriors()
    {
        var crowd = KnownCrowd.Generate(tasks: 400, workers: 15, classes: 3, perTask: 4, spammers: 2, seed: 5);
        var ebcc = new Ebcc(new EbccOptions { SubtypeCount = 1, Restarts = 1, Tolerance = 1e-12, MaxIterations = 2000 });
        var ibcc = new Ibcc(new IbccOptions { Tolerance = 1e-12, MaxIterations = 2000 });

        var ours = ebcc.Infer(crowd.Answers);
        var theirs = ibcc.Infer(crowd.Answers);

        for (var i = 0; i < ours.Posteriors.Length; i++)
        {
            Assert.Equal(theirs.Posteriors[i], ours.Posteriors[i], 6);
        }
    }

    [Fact]
    public void Infer_KnownCrowd_RecoversLabelsAndConfusion()
    {
        var crowd = KnownCrowd.Generate(tasks: 3000, workers: 30, classes: 3, perTask: 5, spammers: 3, seed: 7);

        var result = new Ebcc().Infer(crowd.Answers);

        // Independent workers need no subtypes, so EBCC should recover what IBCC does: each worker's
        // marginal confusion within a few points (about 170 answers per true class per worker).
        var k = crowd.Answers.ClassCount;
        var total = 0.0;
        for (var w = 0; w < crowd.Answers.WorkerCount; w++)
        {
            for (var cell = 0; cell < k * k; cell++)
            {
                total += Math.Abs(result.Workers[w].Confusion.Span[cell] - crowd.Confusion[w][cell]);
            }
        }

        Assert.InRange(total / (crowd.Answers.WorkerCount * k * k), 0, 0.03);
        var majority = new MajorityVote().Infer(crowd.Answers);
        Assert.True(crowd.Accuracy(result.Label) > crowd.Accuracy(majority.Label) + 0.02);
    }

    [Fact]
    public void Infer_SameInputTwice_GivesIdenticalPosteriors()
    {
        var crowd = KnownCrowd.Generate(tasks: 500, workers: 20, classes: 4, perTask: 3, spammers: 2, seed: 3);

        var first = new Ebcc().Infer(crowd.Answers);
        var second = new Ebcc().Infer(crowd.Answers);

        Assert.Equal(first.Posteriors.ToArray(), second.Posteriors.ToArray());
        Assert.Equal(first.Iterations, second.Iterations);
    }

    [Fact]
    public void Infer_GoldTask_StaysClampedAndRowsSumToOne()
    {
        var answers = AnswerSet.FromTriples(
        [
            ("g", "w1", "b"), ("g", "w2", "b"), ("g", "w3", "b"),
            ("t", "w1", "a"), ("t", "w2", "a"), ("t", "w3", "b"),
        ]);
        var gold = GoldLabels.FromPairs(answers, [("g", "a")]);

        var result = new Ebcc().Infer(answers, gold);

        var g = answers.FindTask("g");
        Assert.Equal(1.0, result.Posterior(g)[answers.FindLabel("a")]);
        Assert.Equal(0.0, result.Posterior(g)[answers.FindLabel("b")]);
        foreach (var worker in result.Workers)
        {
            Assert.Equal(1.0, worker.ConfusionAt(0, 0, 2) + worker.ConfusionAt(0, 1, 2), 12);
            Assert.Equal(1.0, worker.ConfusionAt(1, 0, 2) + worker.ConfusionAt(1, 1, 2), 12);
        }

        // The gold task says these workers answer "b" when the truth is "a".
        Assert.True(result.Workers[answers.FindWorker("w1")].ConfusionAt(0, 1, 2) > new Ebcc().Infer(answers).Workers[answers.FindWorker("w1")].ConfusionAt(0, 1, 2));
    }

    [Fact]
    public void Constructor_BadOptions_ReportsAllProblems()
    {
        var options = new EbccOptions { SubtypeCount = 0, SubtypePseudoCount = double.NaN, CorrectPseudoCount = -1, Restarts = 0, MaxIterations = 0 };

        var error = Assert.Throws<ArgumentException>(() => new Ebcc(options));

        foreach (var name in new[] { "SubtypeCount", "SubtypePseudoCount", "CorrectPseudoCount", "Restarts", "MaxIterations" })
        {
            Assert.Contains(name, error.Message, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("ErrorPseudoCount", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Iterates the single-answer fixed point described in the first test to machine precision.</summary>
    private static double ExpectedSingleAnswerPosterior()
    {
        var p = 1.0;
        for (var i = 0; i < 10_000; i++)
        {
            var aRight = SpecialFunctions.Digamma(6 + p) - SpecialFunctions.Digamma(7 + p);
            var bWrong = SpecialFunctions.Digamma(1 + (1 - p)) - SpecialFunctions.Digamma(7 + (1 - p));
            var classA = SpecialFunctions.Digamma(1 + p) - SpecialFunctions.Digamma(3);
            var classB = SpecialFunctions.Digamma(2 - p) - SpecialFunctions.Digamma(3);
            var a = classA + aRight;
            var b = classB + bWrong;
            p = 1 / (1 + Math.Exp(b - a));
        }

        return p;
    }
}
