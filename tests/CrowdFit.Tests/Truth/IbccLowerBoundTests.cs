using CrowdFit.Answers;
using CrowdFit.Truth;

namespace CrowdFit.Tests.Truth;

public sealed class IbccLowerBoundTests
{
    [Fact]
    public void Infer_CrowdLargeEnoughForSeveralRanges_IsIdenticalOnEveryRun()
    {
        // 80,000 answers make several task ranges, which run on several threads.
        var crowd = KnownCrowd.Generate(tasks: 16_000, workers: 60, classes: 3, perTask: 5, spammers: 6, seed: 11);
        Assert.True(TaskRanges.Count(crowd.Answers, 60 * 3 * 3) > 1);

        var first = new Ibcc().Infer(crowd.Answers);
        var second = new Ibcc().Infer(crowd.Answers);

        Assert.Equal(first.Posteriors.ToArray(), second.Posteriors.ToArray());
        Assert.Equal(first.Iterations, second.Iterations);
        for (var w = 0; w < first.Workers.Count; w++)
        {
            Assert.Equal(first.Workers[w].Confusion.ToArray(), second.Workers[w].Confusion.ToArray());
        }
    }

    [Fact]
    public void Infer_DefaultTolerance_StopsNearTheFixedPoint()
    {
        var crowd = KnownCrowd.Generate(tasks: 3_000, workers: 40, classes: 4, perTask: 4, spammers: 4, seed: 5);

        var result = new Ibcc().Infer(crowd.Answers);
        var fixedPoint = new Ibcc(new IbccOptions { Tolerance = 0, MaxIterations = 1_000 }).Infer(crowd.Answers);

        Assert.True(result.Converged);
        Assert.True(fixedPoint.Converged);
        Assert.True(result.Iterations < fixedPoint.Iterations);
        var labelsDiffering = 0;
        for (var t = 0; t < crowd.Answers.TaskCount; t++)
        {
            labelsDiffering += result.Label(t) == fixedPoint.Label(t) ? 0 : 1;
            for (var c = 0; c < crowd.Answers.ClassCount; c++)
            {
                Assert.Equal(fixedPoint.Posterior(t)[c], result.Posterior(t)[c], 0.02);
            }
        }

        Assert.True(labelsDiffering <= 1, $"{labelsDiffering} labels differ from the fixed point");
    }

    [Fact]
    public void Infer_OneIteration_IsNotConverged()
    {
        var crowd = KnownCrowd.Generate(tasks: 500, workers: 20, classes: 3, perTask: 3, spammers: 2, seed: 2);

        var result = new Ibcc(new IbccOptions { MaxIterations = 1 }).Infer(crowd.Answers);

        Assert.Equal(1, result.Iterations);
        Assert.False(result.Converged);
    }

    [Fact]
    public void Infer_NoAnswers_ConvergesToTheClassPrior()
    {
        var answers = AnswerSet.FromColumns(["t"], [], ["a", "b"], [], [], []);

        var result = new Ibcc().Infer(answers);

        Assert.True(result.Converged);
        Assert.Equal(0.5, result.Posterior(0)[0], 1e-12);
        Assert.Equal(0.5, result.Posterior(0)[1], 1e-12);
    }

    [Fact]
    public void Infer_EmptyAnswerSet_Converges()
    {
        var answers = AnswerSet.FromTriples([]);

        var result = new Ibcc().Infer(answers);

        Assert.True(result.Converged);
        Assert.Empty(result.Workers);
    }
}
