using CrowdFit.Truth;

namespace CrowdFit.Tests.Truth;

/// <summary>Confusion-matrix methods recover a known crowd: labels, worker confusion and accuracy.</summary>
public sealed class ConfusionRecoveryTests
{
    public static TheoryData<string> Methods => ["ds", "ibcc"];

    [Theory]
    [MemberData(nameof(Methods))]
    public void Infer_KnownCrowd_RecoversConfusionWithinTolerance(string name)
    {
        var crowd = KnownCrowd.Generate(tasks: 3000, workers: 30, classes: 3, perTask: 5, spammers: 3, seed: 7);

        var result = TruthMethods.Create(name).Infer(crowd.Answers);

        // 3000 tasks x 5 answers over 30 workers gives each worker ~500 answers, ~170 per true class:
        // a binomial cell estimate then has a standard error below 0.04. Over 270 cells the mean error
        // stays well under one standard error and the worst under four.
        var k = crowd.Answers.ClassCount;
        var worst = 0.0;
        var total = 0.0;
        for (var w = 0; w < crowd.Answers.WorkerCount; w++)
        {
            for (var cell = 0; cell < k * k; cell++)
            {
                var error = Math.Abs(result.Workers[w].Confusion.Span[cell] - crowd.Confusion[w][cell]);
                worst = Math.Max(worst, error);
                total += error;
            }
        }

        Assert.InRange(total / (crowd.Answers.WorkerCount * k * k), 0, 0.03);
        Assert.InRange(worst, 0, 0.16);

        var majority = new MajorityVote().Infer(crowd.Answers);
        Assert.True(crowd.Accuracy(result.Label) > crowd.Accuracy(majority.Label));
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Infer_Spammers_GetAccuracyNearChanceWithIntervalCoveringIt(string name)
    {
        var crowd = KnownCrowd.Generate(tasks: 3000, workers: 30, classes: 3, perTask: 5, spammers: 3, seed: 11);

        var result = TruthMethods.Create(name).Infer(crowd.Answers);

        for (var spammer = 0; spammer < 3; spammer++)
        {
            var estimate = result.Workers[crowd.Answers.FindWorker($"w{spammer}")];
            Assert.InRange(estimate.Accuracy, 0.25, 0.42);
            Assert.True(estimate.AccuracyLow < 1.0 / 3 + 0.04 && estimate.AccuracyHigh > 1.0 / 3 - 0.04);
        }
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Infer_SameInputTwice_GivesIdenticalPosteriors(string name)
    {
        var crowd = KnownCrowd.Generate(tasks: 500, workers: 20, classes: 4, perTask: 3, spammers: 2, seed: 3);

        var first = TruthMethods.Create(name).Infer(crowd.Answers);
        var second = TruthMethods.Create(name).Infer(crowd.Answers);

        Assert.Equal(first.Posteriors.ToArray(), second.Posteriors.ToArray());
        Assert.Equal(first.Iterations, second.Iterations);
    }
}
