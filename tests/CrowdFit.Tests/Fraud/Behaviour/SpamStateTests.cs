using System.Globalization;
using System.Text.RegularExpressions;
using CrowdFit.Answers;
using CrowdFit.Fraud;
using CrowdFit.Fraud.Behaviour;
using CrowdFit.Truth;

namespace CrowdFit.Tests.Fraud.Behaviour;

public sealed class SpamStateTests
{
    /// <summary>The number of detectors FraudScoring may correct for: a flag needs p × 10 ≤ 0.01.</summary>
    private const double FlagLevel = 0.001;

    private static readonly Lazy<TestCrowd> s_mixed = new(() => TestCrowd.Build(new CrowdSpec
    {
        Tasks = 3000,
        MinAccuracy = 0.4,
        ActivitySigma = 0.2,
        Seed = 11,
        Workers = [(CrowdRole.Honest, 100), (CrowdRole.UniformSpammer, 3), (CrowdRole.ConstantSpammer, 3), (CrowdRole.PatternSpammer, 3)],
    }));

    [Fact]
    public void Run_Spammers_FlaggedAndFewHonestFlagged()
    {
        var crowd = s_mixed.Value;

        var report = new SpamState().Run(crowd.Log);

        Assert.True(report.Ran);
        foreach (var role in new[] { CrowdRole.UniformSpammer, CrowdRole.ConstantSpammer, CrowdRole.PatternSpammer })
        {
            foreach (var w in crowd.WorkersOf(role))
            {
                Assert.True(report.WorkerP[w] <= 2 * FlagLevel, $"{role} {w}: p {report.WorkerP[w]}");
                Assert.False(string.IsNullOrEmpty(report.WorkerReason(w)));
            }
        }

        var honestFlagged = crowd.WorkersOf(CrowdRole.Honest).Count(w => report.WorkerP[w] <= FlagLevel);
        Assert.True(honestFlagged <= 1, $"{honestFlagged} honest workers flagged");
    }

    [Fact]
    public void Run_WeakHonestWorkers_NotFlagged()
    {
        var crowd = s_mixed.Value;

        var report = new SpamState().Run(crowd.Log);

        var weak = crowd.WorkersOf(CrowdRole.Honest).Where(w => crowd.Accuracy[w] < 0.55).ToArray();
        Assert.NotEmpty(weak);
        Assert.All(weak, w => Assert.True(report.WorkerP[w] > FlagLevel, $"worker {w} (accuracy {crowd.Accuracy[w]:0.00}): p {report.WorkerP[w]}"));
    }

    [Fact]
    public void Assess_ConstantAndPatternSpammers_NamedByTheirOwnTest()
    {
        var crowd = s_mixed.Value;

        var findings = new SpamState().Assess(crowd.Log);

        foreach (var w in crowd.WorkersOf(CrowdRole.ConstantSpammer))
        {
            Assert.True(findings[w].DegeneracyP <= FlagLevel, $"constant {w}: degeneracy p {findings[w].DegeneracyP}");
            Assert.InRange(findings[w].Skill, -0.1, 0.1);
        }

        foreach (var w in crowd.WorkersOf(CrowdRole.PatternSpammer))
        {
            Assert.True(findings[w].PatternP <= 0.01 || findings[w].WholeP <= 0.01, $"pattern {w}: pattern p {findings[w].PatternP}, whole p {findings[w].WholeP}");
        }
    }

    [Fact]
    public void Run_Sleeper_FlaggedWithOnsetNearItsTurnAndEarlierAnswersClean()
    {
        var crowd = TestCrowd.Build(new CrowdSpec
        {
            Tasks = 3000,
            MinAccuracy = 0.4,
            ActivitySigma = 0.2,
            Seed = 5,
            SleeperOnset = 60,
            Workers = [(CrowdRole.Honest, 100), (CrowdRole.Sleeper, 3)],
        });

        var report = new SpamState().Run(crowd.Log);

        foreach (var w in crowd.WorkersOf(CrowdRole.Sleeper))
        {
            Assert.True(report.WorkerP[w] <= FlagLevel, $"sleeper {w}: p {report.WorkerP[w]}");
            var onset = report.Onsets![w];
            Assert.InRange(onset, crowd.Onset[w] - 10, crowd.Onset[w] + 10);
            var timeline = crowd.Log.Timeline(w);
            var previous = 1f;
            for (var i = 0; i < timeline.Length; i++)
            {
                var a = timeline[i];
                var p = report.AnswerP[a];
                var gold = crowd.Gold[crowd.Log.Answers.Tasks[a]];
                if (gold >= 0)
                {
                    if (gold == crowd.Log.Answers.AnswerLabels[a])
                    {
                        Assert.Equal(1f, p);
                    }

                    continue;
                }

                Assert.True(p >= (float)report.WorkerP[w], $"sleeper {w}, answer {i}: p {p} below the worker's {report.WorkerP[w]}");
                Assert.True(p <= previous, $"sleeper {w}, answer {i}: p {p} rose from {previous}");
                previous = p;
                if (i < crowd.Onset[w] - 10)
                {
                    Assert.Equal(1f, p);
                }
                else if (i >= crowd.Onset[w] + 10)
                {
                    Assert.True(p <= FlagLevel, $"sleeper {w}, answer {i} after the turn: p {p}");
                }
            }
        }
    }

    [Fact]
    public void Run_GoldCheaters_GoldAnswersCarryNoSpamEvidence()
    {
        var crowd = TestCrowd.Build(new CrowdSpec
        {
            Tasks = 3000,
            MinAccuracy = 0.4,
            ActivitySigma = 0.2,
            Seed = 7,
            Workers = [(CrowdRole.Honest, 100), (CrowdRole.GoldCheater, 3)],
        });

        var report = new SpamState().Run(crowd.Log);

        foreach (var w in crowd.WorkersOf(CrowdRole.GoldCheater))
        {
            Assert.True(report.WorkerP[w] <= FlagLevel, $"gold cheater {w}: p {report.WorkerP[w]}");
            var timeline = crowd.Log.Timeline(w).ToArray();
            var onGold = timeline.Where(a => crowd.Gold[crowd.Log.Answers.Tasks[a]] >= 0).ToArray();
            var elsewhere = timeline.Where(a => crowd.Gold[crowd.Log.Answers.Tasks[a]] < 0).ToArray();
            Assert.NotEmpty(onGold);
            Assert.All(onGold, a => Assert.Equal(1f, report.AnswerP[a]));
            var flagged = elsewhere.Count(a => report.AnswerP[a] <= FlagLevel);
            Assert.True(flagged >= 2 * elsewhere.Length / 3, $"gold cheater {w}: {flagged} of {elsewhere.Length} answers off gold at the flag level");
        }
    }

    [Fact]
    public void Run_HonestCrowd_NoWorkerAtTheFlagLevel()
    {
        var crowd = TestCrowd.Build(new CrowdSpec { Tasks = 2000, MinAccuracy = 0.3, Seed = 3, Workers = [(CrowdRole.Honest, 200)] });

        var report = new SpamState().Run(crowd.Log);

        var flagged = Enumerable.Range(0, 200).Count(w => report.WorkerP[w] <= FlagLevel);
        Assert.True(flagged <= 1, $"{flagged} honest workers flagged");
        Assert.True(Enumerable.Range(0, 200).Count(w => report.WorkerP[w] <= 0.01) <= 6);
    }

    [Fact]
    public void Run_TinyLog_SaneOrSkipped()
    {
        var answers = AnswerSet.FromTriples([("t1", "a", "x"), ("t1", "b", "y"), ("t2", "a", "x"), ("t2", "b", "x"), ("t3", "a", "y")]);
        var log = new WorkLog(answers, null, null, new MajorityVote().Infer(answers));

        var report = new SpamState().Run(log);

        Assert.Equal(answers.WorkerCount, report.WorkerP.Length);
        Assert.Equal(answers.Count, report.AnswerP.Length);
        foreach (var p in report.WorkerP)
        {
            Assert.InRange(p, 0.05, 1);
        }

        foreach (var p in report.AnswerP)
        {
            Assert.InRange(p, 0.05f, 1f);
        }
    }

    [Fact]
    public void Run_OneLabel_Skipped()
    {
        var answers = AnswerSet.FromTriples([("t1", "a", "x"), ("t1", "b", "x"), ("t2", "a", "x")]);
        var log = new WorkLog(answers, null, null, new MajorityVote().Infer(answers));

        var report = new SpamState().Run(log);

        Assert.False(report.Ran);
        Assert.All(report.WorkerP.ToArray(), p => Assert.Equal(1, p));
    }

    [Fact]
    public void Run_SameLogTwice_SameResult()
    {
        var crowd = s_mixed.Value;

        var first = new SpamState().Run(crowd.Log);
        var second = new SpamState().Run(crowd.Log);

        Assert.Equal(first.WorkerP.ToArray(), second.WorkerP.ToArray());
        Assert.Equal(first.AnswerP.ToArray(), second.AnswerP.ToArray());
        Assert.Equal(first.Onsets, second.Onsets);
    }

    [Fact]
    public void RunLengths_GeometricGridInsideTheHistory()
    {
        var lengths = SpamState.RunLengths(40, SpamStateOptions.Default);

        Assert.Equal([8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32], lengths);
        Assert.Equal([8, 10, 12, 15, 19, 24, 30], SpamState.RunLengths(40, SpamStateOptions.Default with { SegmentGrowth = 1.25 }));
        Assert.Empty(SpamState.RunLengths(15, SpamStateOptions.Default));
    }

    [Fact]
    public void Options_Invalid_AllProblemsReported()
    {
        var error = Assert.Throws<ArgumentException>(() => new SpamState(SpamStateOptions.Default with { MinSegment = 1, SegmentGrowth = 9 }));

        Assert.Contains(nameof(SpamStateOptions.MinSegment), error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(SpamStateOptions.SegmentGrowth), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_LongGoodHistoryThenRandomTail_OnsetAndReasonCoverOnlyTheTail()
    {
        const int Tail = 30;
        var (clean, turned, worker) = LongHistoryCrowds(Tail);
        var length = turned.Log.Timeline(worker).Length;

        var report = new SpamState().Run(turned.Log);

        Assert.True(length >= 1000, $"history of {length} answers");
        Assert.True(report.WorkerP[worker] <= FlagLevel, $"p {report.WorkerP[worker]}");
        var onset = report.Onsets![worker];
        Assert.InRange(onset, turned.Onset[worker] - 10, turned.Onset[worker] + 10);
        var timeline = turned.Log.Timeline(worker);
        for (var i = 0; i < turned.Onset[worker] - 10; i++)
        {
            Assert.True(report.AnswerP[timeline[i]] > 0.1f, $"answer {i} of {length}, onset {onset}: p {report.AnswerP[timeline[i]]}");
        }

        var reason = report.WorkerReason(worker)!;
        var match = Regex.Match(reason, @"skill -?\d+\.\d+ over (\d+) answers");
        Assert.True(match.Success, reason);
        var covered = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(covered, Tail / 2, Tail + 10);
        Assert.True(report.WorkerP[worker] < new SpamState().Run(clean.Log).WorkerP[worker]);
    }

    [Fact]
    public void Run_LongGoodHistoryWithoutTail_NotFlagged()
    {
        var (clean, _, worker) = LongHistoryCrowds(30);

        var report = new SpamState().Run(clean.Log);

        Assert.True(report.WorkerP[worker] > FlagLevel, $"p {report.WorkerP[worker]}, reason {report.WorkerReason(worker)}");
        var flagged = Enumerable.Range(0, clean.Roles.Length).Count(w => report.WorkerP[w] <= FlagLevel);
        Assert.True(flagged <= 1, $"{flagged} honest workers flagged");
        Assert.All(report.AnswerP.ToArray(), p => Assert.True(p > FlagLevel));
    }

    /// <summary>
    /// The same seeded crowd twice: 30 honest workers and one more, accurate (0.95), worker with over a thousand answers, honest
    /// throughout in the first, and turned to random labels for its last <paramref name="tail"/> answers in the second.
    /// </summary>
    private static (TestCrowd Clean, TestCrowd Turned, int Worker) LongHistoryCrowds(int tail)
    {
        static CrowdSpec Spec(int onset) => new()
        {
            Tasks = 6000,
            MinAccuracy = 0.4,
            ActivitySigma = 0.2,
            Seed = 6,
            SleeperOnset = onset,
            Workers = [(CrowdRole.Honest, 30), (CrowdRole.Sleeper, 1)],
        };

        var clean = TestCrowd.Build(Spec(int.MaxValue));
        var worker = clean.WorkersOf(CrowdRole.Sleeper).Single();
        var turned = TestCrowd.Build(Spec(clean.Log.Timeline(worker).Length - tail));
        return (clean, turned, worker);
    }
}
