using CrowdFit.Answers;
using CrowdFit.Fraud;
using CrowdFit.Fraud.Behaviour;
using CrowdFit.Truth;

namespace CrowdFit.Tests.Fraud.Behaviour;

public sealed class HoneypotsTests
{
    /// <summary>The level a detector's p-value must reach for a flag when FraudScoring corrects for ten detectors.</summary>
    private const double FlagLevel = 0.001;

    private static readonly Lazy<TestCrowd> s_cheaters = new(() => TestCrowd.Build(new CrowdSpec
    {
        Tasks = 3000,
        GoldShare = 0.08,
        MinAccuracy = 0.35,
        Seed = 21,
        Workers = [(CrowdRole.Honest, 80), (CrowdRole.GoldCheater, 4)],
    }));

    private static readonly Lazy<TestCrowd[]> s_honest = new(() =>
    [
        .. Enumerable.Range(0, 3).Select(i => TestCrowd.Build(new CrowdSpec
        {
            Tasks = 2500,
            GoldShare = 0.1,
            MinAccuracy = 0.3,
            Times = false,
            Seed = 31 + i,
            Workers = [(CrowdRole.Honest, 80)],
        })),
    ]);

    [Fact]
    public void Score_GoldAwareCheaters_CaughtByTheGapTest()
    {
        var crowd = s_cheaters.Value;

        var scores = new Honeypots().Score(crowd.Log);

        foreach (var w in crowd.WorkersOf(CrowdRole.GoldCheater))
        {
            var score = scores[w];
            Assert.True(score.GapP <= FlagLevel / 10, $"cheater {w}: gold {score.GoldRight}/{score.GoldAnswers}, elsewhere {score.OtherAgreement:0.00}, gap p {score.GapP}");
            Assert.True(score.FailP > 0.05, $"cheater {w}: gold test p {score.FailP}");
            Assert.Contains("right on only", score.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Score_HonestWorkersWeakOnesIncluded_FlaggedNoMoreThanTheNominalRate()
    {
        var crowds = s_honest.Value;

        var gap = new List<double>();
        var combined = new List<double>();
        var weakGap = new List<double>();
        foreach (var crowd in crowds)
        {
            var scores = new Honeypots().Score(crowd.Log);
            foreach (var w in crowd.WorkersOf(CrowdRole.Honest).Where(w => scores[w].GoldAnswers > 0))
            {
                gap.Add(scores[w].GapP);
                combined.Add(scores[w].P);
                if (crowd.Accuracy[w] < 0.55)
                {
                    weakGap.Add(scores[w].GapP);
                }
            }
        }

        // A valid p-value is at most level with probability level: allow the binomial noise of 240 workers.
        Assert.True(gap.Count >= 200, $"{gap.Count} honest workers with gold");
        Assert.True(gap.Count(p => p <= 0.05) <= (0.05 * gap.Count) + 6, $"{gap.Count(p => p <= 0.05)} of {gap.Count} gap p-values at most 0.05");
        Assert.True(gap.Count(p => p <= 0.01) <= 3, $"{gap.Count(p => p <= 0.01)} of {gap.Count} gap p-values at most 0.01");
        Assert.DoesNotContain(combined, p => p <= FlagLevel);
        Assert.True(weakGap.Count >= 5, $"{weakGap.Count} weak honest workers");
        Assert.All(weakGap, p => Assert.True(p > 0.01, $"weak honest worker gap p {p}"));
    }

    [Fact]
    public void Score_ExpertsOnThinlyAnsweredTasks_GapTestStaysCalibrated()
    {
        // Three answers a task and about 75 gold answers a worker: a leave-self-out consensus is weak and would understate good workers.
        var crowd = TestCrowd.Build(new CrowdSpec
        {
            Tasks = 4000,
            AnswersPerTask = 3,
            GoldShare = 0.25,
            MinAccuracy = 0.6,
            Times = false,
            Seed = 51,
            Workers = [(CrowdRole.Honest, 40)],
        });

        var scores = new Honeypots().Score(crowd.Log);

        var gap = crowd.WorkersOf(CrowdRole.Honest).Select(w => scores[w].GapP).ToArray();
        Assert.True(gap.Count(p => p <= 0.05) <= 3 + (0.05 * gap.Length), $"{gap.Count(p => p <= 0.05)} of {gap.Length} gap p-values at most 0.05: {string.Join(", ", gap.Order().Take(8).Select(p => p.ToString("g2")))}");
        Assert.True(gap.Count(p => p <= 0.01) <= 1, $"{gap.Count(p => p <= 0.01)} of {gap.Length} gap p-values at most 0.01");
    }

    [Fact]
    public void Score_AccurateEverywhere_GapTestSeesNoGap()
    {
        // 20 tasks, five workers all right everywhere; gold on every fourth task.
        var (answers, gold) = Unanimous(20, 5, 4);
        var log = new WorkLog(answers, null, gold, new Ibcc().Infer(answers, gold));

        var scores = new Honeypots().Score(log);

        Assert.All(scores, s =>
        {
            Assert.Equal(5, s.GoldAnswers);
            Assert.Equal(5, s.GoldRight);
            Assert.Equal(15, s.OtherAnswers);
            Assert.True(s.OtherAgreement > 0.95, $"elsewhere {s.OtherAgreement}");
            Assert.True(s.GapP > 0.99, $"gap p {s.GapP}");
        });
    }

    [Fact]
    public void Run_WithoutGold_Skipped()
    {
        var (answers, _) = Unanimous(10, 3, 0);
        var gold = GoldLabels.Empty(answers.TaskCount);
        var log = new WorkLog(answers, null, gold, new MajorityVote().Infer(answers, gold));

        var report = new Honeypots().Run(log);

        Assert.False(report.Ran);
    }

    [Fact]
    public void Run_TwoRuns_Identical()
    {
        var crowd = s_cheaters.Value;

        var first = new Honeypots().Run(crowd.Log);
        var second = new Honeypots().Run(crowd.Log);

        Assert.Equal(first.WorkerP.ToArray(), second.WorkerP.ToArray());
        Assert.Equal(first.AnswerP.ToArray(), second.AnswerP.ToArray());
    }

    /// <summary>Every worker answers every task with its true label (task t has label t mod 3); every <paramref name="goldEvery"/>-th task is gold (none when 0).</summary>
    private static (AnswerSet Answers, GoldLabels Gold) Unanimous(int tasks, int workers, int goldEvery)
    {
        var triples = new List<(string, string, string)>();
        for (var t = 0; t < tasks; t++)
        {
            for (var w = 0; w < workers; w++)
            {
                triples.Add(($"t{t:D3}", $"w{w}", $"c{t % 3}"));
            }
        }

        var answers = AnswerSet.FromTriples(triples);
        var gold = Enumerable.Range(0, tasks).Where(t => goldEvery > 0 && t % goldEvery == 0).Select(t => ($"t{t:D3}", $"c{t % 3}"));
        return (answers, GoldLabels.FromPairs(answers, gold));
    }
}
