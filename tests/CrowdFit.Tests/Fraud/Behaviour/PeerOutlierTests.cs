using CrowdFit.Answers;
using CrowdFit.Fraud;
using CrowdFit.Fraud.Behaviour;

namespace CrowdFit.Tests.Fraud.Behaviour;

public sealed class PeerOutlierTests
{
    /// <summary>The level a detector's p-value must reach for a flag when FraudScoring corrects for ten detectors.</summary>
    private const double FlagLevel = 0.001;

    private static readonly Lazy<TestCrowd> s_mixed = new(() => TestCrowd.Build(new CrowdSpec
    {
        Tasks = 3000,
        MinAccuracy = 0.35,
        ActivitySigma = 0.2,
        Seed = 41,
        Workers = [(CrowdRole.Honest, 90), (CrowdRole.ConstantSpammer, 3), (CrowdRole.UniformSpammer, 3)],
    }));

    private static readonly Lazy<TestCrowd> s_honest = new(() => TestCrowd.Build(new CrowdSpec
    {
        Tasks = 3000,
        MinAccuracy = 0.3,
        Seed = 43,
        Workers = [(CrowdRole.Honest, 120)],
    }));

    [Fact]
    public void Run_ConstantLabelRuns_Caught()
    {
        var crowd = s_mixed.Value;

        var report = new PeerOutlier().Run(crowd.Log);

        foreach (var w in crowd.WorkersOf(CrowdRole.ConstantSpammer))
        {
            Assert.True(report.WorkerP[w] <= FlagLevel, $"constant spammer {w}: p {report.WorkerP[w]}");
            Assert.False(string.IsNullOrEmpty(report.WorkerReason(w)));
        }
    }

    [Fact]
    public void Run_InhumanSpeed_CaughtAndNamed()
    {
        // Three honest workers' answers re-timed as a bot's: one second each, every three seconds.
        var crowd = s_honest.Value;
        var bots = crowd.WorkersOf(CrowdRole.Honest).Where(w => crowd.Log.Timeline(w).Length >= 40).Take(3).ToArray();
        var started = crowd.Context!.StartedAtTicks.ToArray();
        var submitted = crowd.Context.SubmittedAtTicks.ToArray();
        foreach (var w in bots)
        {
            var timeline = crowd.Log.Timeline(w);
            var begin = started[crowd.Answers.SourceRow(timeline[0])];
            for (var i = 0; i < timeline.Length; i++)
            {
                var row = crowd.Answers.SourceRow(timeline[i]);
                started[row] = begin + (3 * i * TimeSpan.TicksPerSecond);
                submitted[row] = started[row] + TimeSpan.TicksPerSecond;
            }
        }

        var log = new WorkLog(crowd.Answers, new AnswerContext(started.Length, started, submitted), crowd.Gold, crowd.Truth);

        var report = new PeerOutlier().Run(log);

        foreach (var w in bots)
        {
            Assert.True(report.WorkerP[w] <= FlagLevel, $"bot {w}: p {report.WorkerP[w]}");
            var timeline = log.Timeline(w).ToArray();
            var timed = timeline.Count(a => report.AnswerReason(a) is { } reason && (reason.StartsWith(BehaviourColumns.RelativeTime, StringComparison.Ordinal)
                || reason.StartsWith(BehaviourColumns.LogSeconds, StringComparison.Ordinal) || reason.StartsWith(BehaviourColumns.Rate, StringComparison.Ordinal)
                || reason.StartsWith(BehaviourColumns.LogGap, StringComparison.Ordinal)));
            Assert.True(timed >= timeline.Length / 2, $"bot {w}: {timed} of {timeline.Length} answers blamed on their timing");
        }

        Assert.True(crowd.WorkersOf(CrowdRole.Honest).Except(bots).Count(w => report.WorkerP[w] <= FlagLevel) <= 1);
    }

    [Fact]
    public void Run_FastRandomLabels_Caught()
    {
        var crowd = s_mixed.Value;

        var report = new PeerOutlier().Run(crowd.Log);

        // Uniform spammers answer in about 5 s where honest workers take about 30 s, and their answers agree with
        // the others at chance level, so the agreement test applies to them.
        foreach (var w in crowd.WorkersOf(CrowdRole.UniformSpammer))
        {
            Assert.True(report.WorkerP[w] <= 0.01, $"uniform spammer {w}: p {report.WorkerP[w]}");
        }
    }

    [Fact]
    public void Run_CarefulCrowdWithSomeLessCarefulWorkers_NoneFlaggedForAgreeingLess()
    {
        // Most honest workers are right 96–99 % of the time, four only 88 %, with about 500 answers each: a robust
        // fit of agreement trims those four as outliers. Agreeing less than careful peers is skill, not fraud.
        var crowd = TestCrowd.Build(new CrowdSpec
        {
            Tasks = 8000,
            AnswersPerTask = 3,
            MinAccuracy = 0.96,
            LessCareful = 4,
            LessCarefulAccuracy = 0.88,
            Seed = 47,
            Workers = [(CrowdRole.Honest, 40), (CrowdRole.UniformSpammer, 3), (CrowdRole.ConstantSpammer, 2)],
        });

        var report = new PeerOutlier().Run(crowd.Log);

        var honest = crowd.WorkersOf(CrowdRole.Honest).ToArray();
        Assert.All(honest, w => Assert.True(report.WorkerP[w] > FlagLevel, $"honest worker {w} (accuracy {crowd.Accuracy[w]:0.00}): p {report.WorkerP[w]}"));
    }

    [Fact]
    public void Run_HonestCrowdWeakWorkersIncluded_FlaggedNoMoreThanTheNominalRate()
    {
        var crowd = s_honest.Value;

        var report = new PeerOutlier().Run(crowd.Log);

        var honest = crowd.WorkersOf(CrowdRole.Honest).ToArray();
        var p = honest.Select(w => report.WorkerP[w]).ToArray();
        Assert.True(p.Count(x => x <= 0.05) <= 6 + (0.05 * honest.Length), $"{p.Count(x => x <= 0.05)} of {honest.Length} honest workers at p ≤ 0.05");
        Assert.True(p.Count(x => x <= FlagLevel) <= 1, $"{p.Count(x => x <= FlagLevel)} honest workers at p ≤ {FlagLevel}");
        var weak = honest.Where(w => crowd.Accuracy[w] < 0.55).ToArray();
        Assert.NotEmpty(weak);
        Assert.All(weak, w => Assert.True(report.WorkerP[w] > FlagLevel, $"weak worker {w}: p {report.WorkerP[w]}"));
        var answerP = report.AnswerP.ToArray();
        Assert.True(answerP.Count(x => x <= 0.01) <= 0.02 * answerP.Length, $"{answerP.Count(x => x <= 0.01)} of {answerP.Length} honest answers at p ≤ 0.01");
    }

    [Fact]
    public void Norms_WholeLog_MatchTheTwoPassMedianAndMadByDefinition()
    {
        var crowd = s_mixed.Value;
        var features = BehaviourFeatures.Compute(crowd.Log);

        var norms = new PeerOutlier().Norms(crowd.Log).Where(n => n.Group == -1).ToArray();

        Assert.Equal(6, norms.Length);
        foreach (var norm in norms)
        {
            var column = features.IndexOf(norm.Feature);
            var values = Enumerable.Range(0, features.RowCount).Select(a => Transform(norm.Feature, features[a, column])).Where(double.IsFinite).ToArray();
            var (location, scale) = Spread(values);
            var trimmed = values.Where(x => Math.Abs(x - location) <= 4 * scale).ToArray();
            (location, scale) = Spread(trimmed);
            Assert.Equal(location, norm.Location, 12);
            Assert.Equal(scale, norm.Scale, 12);
            Assert.Equal(trimmed.Length, norm.Answers);
        }
    }

    [Fact]
    public void WithDecisions_ConfirmedAndClearedAnswers_LeaveAndStayInTheNorms()
    {
        var crowd = s_mixed.Value;
        var spam = crowd.WorkersOf(CrowdRole.ConstantSpammer).SelectMany(w => crowd.Log.Timeline(w).ToArray()).ToArray();
        var detector = new PeerOutlier();
        var baseline = detector.Norms(crowd.Log);

        var confirmed = detector.WithDecisions(spam, []).Norms(crowd.Log);
        var cleared = detector.WithDecisions([], spam).Norms(crowd.Log);

        var before = baseline.Single(n => n.Group == -1 && n.Feature == BehaviourColumns.Streak);
        var without = confirmed.Single(n => n.Group == -1 && n.Feature == BehaviourColumns.Streak);
        var kept = cleared.Single(n => n.Group == -1 && n.Feature == BehaviourColumns.Streak);
        Assert.True(without.Answers <= before.Answers - spam.Length + 1, $"{without.Answers} answers with {spam.Length} confirmed left out of {before.Answers}");
        Assert.True(kept.Answers >= before.Answers, $"{kept.Answers} answers with the spam cleared, {before.Answers} without");
    }

    [Fact]
    public void Run_TwoRuns_Identical()
    {
        var crowd = s_mixed.Value;

        var first = new PeerOutlier().Run(crowd.Log);
        var second = new PeerOutlier().Run(crowd.Log);

        Assert.Equal(first.WorkerP.ToArray(), second.WorkerP.ToArray());
        Assert.Equal(first.AnswerP.ToArray(), second.AnswerP.ToArray());
    }

    private static double Transform(string feature, float x) => feature switch
    {
        BehaviourColumns.Rate => Math.Log(1 + x),
        BehaviourColumns.Streak => Math.Log(x),
        _ => x,
    };

    /// <summary>Median and 1.4826 · MAD by sorting, or 1.2533 · the mean absolute deviation when the MAD is 0.</summary>
    private static (double Location, double Scale) Spread(double[] values)
    {
        var median = Median(values);
        var scale = 1.4826 * Median([.. values.Select(x => Math.Abs(x - median))]);
        if (!(scale > 1e-12))
        {
            var mean = values.Average(x => Math.Abs(x - median));
            scale = mean > 1e-12 ? 1.2533 * mean : double.NaN;
        }

        return (median, scale);
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        var m = sorted.Length;
        return m % 2 == 1 ? sorted[m / 2] : (sorted[(m / 2) - 1] + sorted[m / 2]) / 2;
    }
}
