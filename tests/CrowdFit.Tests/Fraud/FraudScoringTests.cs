using CrowdFit.Answers;
using CrowdFit.Fraud;
using CrowdFit.Truth;

namespace CrowdFit.Tests.Fraud;

public sealed class FraudScoringTests
{
    [Fact]
    public void Score_TwoDetectors_BonferroniCombinesAndFlagsAtTheRate()
    {
        var log = Log(4);
        var first = new FakeDetector("first", (_, w) => w switch { 0 => 0.004, 1 => 0.006, _ => 1 }).Run(log);
        var second = new FakeDetector("second", (_, w) => w == 2 ? 0.2 : 1).Run(log);

        var scores = FraudScoring.Score(log, [first, second], FraudScoringOptions.Default with { FalsePositiveRate = 0.01 });

        Assert.Equal(0.008, scores.WorkerP[0], 12);
        Assert.Equal(0.012, scores.WorkerP[1], 12);
        Assert.Equal(0.4, scores.WorkerP[2], 12);
        Assert.Equal([true, false, false, false], scores.WorkerFlagged.ToArray());
        Assert.Equal(0.01, scores.WorkerThreshold);
        Assert.StartsWith("first: first saw worker 0", scores.WorkerReasons(0), StringComparison.Ordinal);
        Assert.Equal("", scores.WorkerReasons(3));
        Assert.Equal(0, scores.WorkerOnset[0]);
        Assert.Equal(-1, scores.WorkerOnset[1]);
    }

    [Fact]
    public void Score_SkippedDetector_DoesNotCountInTheCorrection()
    {
        var log = Log(2);
        var ran = new FakeDetector("ran", (_, w) => w == 0 ? 0.009 : 1).Run(log);
        var skipped = new FakeDetector("skipped", (_, _) => 0, skip: true).Run(log);

        var scores = FraudScoring.Score(log, [ran, skipped]);

        Assert.True(scores.WorkerFlagged[0]);
        Assert.Equal(0.009, scores.WorkerP[0], 12);
    }

    [Fact]
    public void Score_ProbabilityFallsAsPValueRises()
    {
        var log = Log(3);
        var report = new FakeDetector("d", (_, w) => w switch { 0 => 1e-9, 1 => 0.01, _ => 0.9 }).Run(log);

        var scores = FraudScoring.Score(log, [report]);

        Assert.True(scores.WorkerProbability[0] > 0.99);
        Assert.True(scores.WorkerProbability[1] < scores.WorkerProbability[0]);
        Assert.True(scores.WorkerProbability[2] < scores.WorkerProbability[1]);
        Assert.InRange(scores.WorkerProbability[2], 0, 0.5);
    }

    [Fact]
    public void BayesFactorBound_KnownValues()
    {
        Assert.Equal(1, FraudScoring.BayesFactorBound(0.5));
        Assert.Equal(0, FraudScoring.BayesFactorBound(0));
        Assert.Equal(-Math.E * 0.05 * Math.Log(0.05), FraudScoring.BayesFactorBound(0.05), 12);
    }

    [Fact]
    public void NullShare_UniformPValues_IsAboutOne()
    {
        var p = Enumerable.Range(0, 1000).Select(i => (i + 0.5) / 1000).ToArray();

        Assert.Equal(1, FraudScoring.NullShare(p), 2);
        Assert.Equal(0.5, FraudScoring.NullShare([.. p[..500].Select(_ => 0.0), .. p.Where((_, i) => i % 2 == 0)]), 2);
    }

    [Fact]
    public void Score_InvalidOptions_ListsProblem()
    {
        var log = Log(1);

        var error = Assert.Throws<ArgumentException>(() => FraudScoring.Score(log, [], FraudScoringOptions.Default with { FalsePositiveRate = 0 }));

        Assert.Contains("FalsePositiveRate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_AnswerReasons_FallBackOnWorkerReason()
    {
        var log = Log(2);
        var report = new FakeDetector("d", (_, w) => w == 0 ? 1e-6 : 1).Run(log);

        var scores = FraudScoring.Score(log, [report]);

        var flagged = Enumerable.Range(0, log.Answers.Count).First(a => log.Answers.Workers[a] == 0);
        Assert.True(scores.AnswerFlagged[flagged]);
        Assert.Equal("d: d saw worker 0", scores.AnswerReasons(flagged));
    }

    internal static WorkLog Log(int workers)
    {
        var triples = Enumerable.Range(0, workers).SelectMany(w => Enumerable.Range(0, 3).Select(t => ($"t{t}", $"w{w}", t % 2 == 0 ? "x" : "y")));
        var answers = AnswerSet.FromTriples(triples);
        return new WorkLog(answers, null, null, new MajorityVote().Infer(answers));
    }
}
