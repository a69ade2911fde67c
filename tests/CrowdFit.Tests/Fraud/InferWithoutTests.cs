using CrowdFit.Fraud;
using CrowdFit.Tests.Truth;
using CrowdFit.Truth;

namespace CrowdFit.Tests.Fraud;

public sealed class InferWithoutTests
{
    [Fact]
    public void InferWithout_IbccWarmStart_SameAsInferringTheKeptAnswersAndMeasuringWorkersOnAll()
    {
        // 2,500 workers, so that the M-step runs in several blocks of workers.
        var crowd = SyntheticCrowd.Generate(seed: 11, tasks: 6000, classes: 3, workers: 2500, perTask: 5);
        var answers = crowd.Answers;
        var ibcc = new Ibcc();
        var first = ibcc.Infer(answers);
        var random = new Random(5);
        var flagged = new bool[answers.Count];
        for (var a = 0; a < flagged.Length; a++)
        {
            flagged[a] = random.NextDouble() < 0.1;
        }

        var result = FraudAnalysis.InferWithout(ibcc, answers, null, flagged, first);

        var keep = new bool[answers.Count];
        for (var t = 0; t < answers.TaskCount; t++)
        {
            var anyKept = false;
            for (var a = answers.TaskStart(t); a < answers.TaskStart(t + 1); a++)
            {
                anyKept |= !flagged[a];
            }

            for (var a = answers.TaskStart(t); a < answers.TaskStart(t + 1); a++)
            {
                keep[a] = !flagged[a] || !anyKept;
            }
        }

        var inner = ibcc.Infer(answers.Where(keep), null, first.Posteriors.ToArray());
        var workers = WorkerEstimates.Build(answers, inner.Posteriors);
        Assert.Equal(inner.Posteriors.ToArray(), result.Posteriors.ToArray());
        Assert.Equal(inner.ClassPrior.ToArray(), result.ClassPrior.ToArray());
        Assert.Equal(inner.Iterations, result.Iterations);
        Assert.Equal("ibcc", result.Method);
        Assert.Equal(workers.Select(w => (w.Answers, w.Accuracy, w.AccuracyLow, w.AccuracyHigh)), result.Workers.Select(w => (w.Answers, w.Accuracy, w.AccuracyLow, w.AccuracyHigh)));
        Assert.Equal(workers.SelectMany(w => w.Confusion.ToArray()), result.Workers.SelectMany(w => w.Confusion.ToArray()));
        Assert.True(crowd.LabelAccuracy(result) > 0.8, $"accuracy {crowd.LabelAccuracy(result)}");
    }

    [Fact]
    public void Infer_ManyWorkersInSeveralBlocks_SameResultEveryRun()
    {
        var crowd = SyntheticCrowd.Generate(seed: 12, tasks: 6000, classes: 3, workers: 2500, perTask: 5);

        var one = new Ibcc().Infer(crowd.Answers);
        var two = new Ibcc().Infer(crowd.Answers);

        Assert.Equal(one.Posteriors.ToArray(), two.Posteriors.ToArray());
        Assert.Equal(one.Iterations, two.Iterations);
    }
}
