using CrowdFit.Answers;
using CrowdFit.Fraud;
using CrowdFit.Fraud.Time;
using CrowdFit.Truth;

namespace CrowdFit.Tests.Fraud.Time;

public sealed class TimeTheftTests
{
    /// <summary>The level answers are read at, <see cref="TimeTheftOptions.AnswerLevel"/>.</summary>
    private const double AnswerLevel = 0.01;

    /// <summary>A worker is flagged when p times about ten detectors is at most 0.01.</summary>
    private const double WorkerLevel = 0.001;

    /// <summary>The speed factors of a small crowd of honest people (log-normal, σ about 0.36).</summary>
    private static readonly double[] s_smallCrowdSpeeds =
    [
        0.784, 1.336, 1.003, 1.464, 0.961, 0.828, 0.953, 0.535, 1.407, 0.953, 1.465, 0.751, 0.966, 0.782, 1.402,
        0.890, 0.851, 0.624, 0.890, 1.778, 0.594, 0.953, 0.766, 0.856, 1.009, 1.487, 1.131, 0.932, 0.816, 1.081,
        1.860, 1.404, 1.531, 0.982, 0.795, 0.674, 0.833, 1.046, 1.614, 0.783, 0.398, 0.966, 1.832, 0.503,
    ];

    private static readonly Lazy<TimeCrowd> s_crowd = new(() => TimeCrowd.Build(new TimeCrowdSpec { Seed = 11 }));

    private static readonly Lazy<DetectorReport> s_report = new(() => new TimeTheft().Run(s_crowd.Value.Log));

    [Fact]
    public void Run_ThievesInCrowd_FlagsEveryThiefAndAtMostOneHonestWorker()
    {
        var crowd = s_crowd.Value;

        var report = s_report.Value;

        Assert.True(report.Ran);
        // A thief who inflates every claim looks like a slow worker: it must rank below every honest worker
        // and be clearly suspicious, and no more than one honest worker may be flagged.
        var honest = crowd.WorkersWhere(r => r == TimeRole.Honest).ToArray();
        var lowestHonest = honest.Min(w => report.WorkerP[w]);
        Assert.All(crowd.WorkersWhere(TimeCrowd.IsThief), w => Assert.True(report.WorkerP[w] <= 10 * WorkerLevel && report.WorkerP[w] < lowestHonest, $"thief {w}: p {report.WorkerP[w]:g3}, lowest honest {lowestHonest:g3}"));
        Assert.True(honest.Count(w => report.WorkerP[w] <= WorkerLevel) <= 1);
    }

    [Fact]
    public void Run_ThievesInCrowd_FlagsInflatedClaimsNotHonestOnes()
    {
        var crowd = s_crowd.Value;

        var report = s_report.Value;

        var (inflated, honest) = ClaimRates(crowd, report.AnswerP);
        Assert.True(inflated >= 0.95, $"inflated claims flagged: {inflated:P1}");
        Assert.True(honest <= 0.02, $"honest claims flagged: {honest:P2}");
    }

    [Fact]
    public void Run_ThievesInCrowd_ReasonsCountClaimsAndOverlaps()
    {
        var crowd = s_crowd.Value;

        var report = s_report.Value;

        var backdater = crowd.WorkersWhere(r => r == TimeRole.BackdatingThief).First();
        var reason = report.WorkerReason(backdater);
        Assert.NotNull(reason);
        Assert.Matches(@"^claimed \d+\.\dx the usual time for task type '\w+' on \d+ of \d+ answers; \d+ claims overlap$", reason);
        var claim = Enumerable.Range(0, crowd.Answers.Count).First(a => crowd.Inflated[a] && crowd.Answers.Workers[a] == backdater && report.AnswerP[a] <= AnswerLevel);
        Assert.StartsWith("claimed ", report.AnswerReason(claim));
        Assert.Null(report.WorkerReason(crowd.WorkersWhere(r => r == TimeRole.Honest).First(w => report.WorkerP[w] > 0.05)));
    }

    [Fact]
    public void Run_HonestCrowdWithoutTaskTypes_FlagsNoWorkerAndFewClaims()
    {
        var crowd = TimeCrowd.Build(new TimeCrowdSpec { Seed = 12, Tasks = 3000, TaskTypes = false, Workers = [(TimeRole.Honest, 100)] });

        var report = new TimeTheft().Run(crowd.Log);

        Assert.True(Enumerable.Range(0, crowd.Roles.Length).Count(w => report.WorkerP[w] <= WorkerLevel) <= 1);
        Assert.True(ClaimRates(crowd, report.AnswerP).Honest <= 0.02);
    }

    [Fact]
    public void Run_ConsistentInflator_FlaggedByTypicalTime()
    {
        var crowd = TimeCrowd.Build(new TimeCrowdSpec
        {
            Seed = 13,
            Tasks = 3000,
            InflatedShare = 1,
            Workers = [(TimeRole.Honest, 100), (TimeRole.DelayingThief, 3)],
        });

        var report = new TimeTheft().Run(crowd.Log);

        // A thief who inflates every claim looks like a slow worker: it must rank below every honest worker
        // and be clearly suspicious, and no more than one honest worker may be flagged.
        var honest = crowd.WorkersWhere(r => r == TimeRole.Honest).ToArray();
        var lowestHonest = honest.Min(w => report.WorkerP[w]);
        Assert.All(crowd.WorkersWhere(TimeCrowd.IsThief), w => Assert.True(report.WorkerP[w] <= 10 * WorkerLevel && report.WorkerP[w] < lowestHonest, $"thief {w}: p {report.WorkerP[w]:g3}, lowest honest {lowestHonest:g3}"));
        Assert.True(honest.Count(w => report.WorkerP[w] <= WorkerLevel) <= 1);
    }

    [Fact]
    public void Run_SmallCrowdWithSlowHonestWorkers_FlagsThievesNotTheSlow()
    {
        // 44 people with log-normal speeds (σ about 0.36), the slowest 1.86x the median, on one short task type
        // logged to the whole second (the typical times of many workers tie), and two thieves.
        var crowd = TimeCrowd.Build(new TimeCrowdSpec
        {
            Seed = 16,
            Tasks = 8000,
            AnswersPerTask = 3,
            SecondsScale = 0.55,
            TaskTypes = false,
            WholeSeconds = true,
            HonestSpeeds = s_smallCrowdSpeeds,
            Workers = [(TimeRole.DelayingThief, 1), (TimeRole.BackdatingThief, 1), (TimeRole.Honest, s_smallCrowdSpeeds.Length)],
        });

        var report = new TimeTheft().Run(crowd.Log);

        // Being slow is not evidence: a slow worker's claims are consistent with its own pace and overlap nothing.
        var honest = crowd.WorkersWhere(r => r == TimeRole.Honest).ToArray();
        var slow = honest.Where((_, i) => s_smallCrowdSpeeds[i] >= 1.75).ToArray();
        Assert.All(slow, w => Assert.True(report.WorkerP[w] > 0.01, $"slow honest {w}: p {report.WorkerP[w]:g3}"));
        Assert.Equal(0, honest.Count(w => report.WorkerP[w] <= WorkerLevel));
        Assert.All(crowd.WorkersWhere(TimeCrowd.IsThief), w => Assert.True(report.WorkerP[w] <= WorkerLevel, $"thief {w}: p {report.WorkerP[w]:g3}"));
    }

    [Fact]
    public void Run_BackdatingThief_BlamesTheInflatedClaimNotTheHonestOneItCovers()
    {
        var crowd = TimeCrowd.Build(new TimeCrowdSpec
        {
            Seed = 15,
            Tasks = 3000,
            InflatedShare = 0.5,
            Workers = [(TimeRole.Honest, 100), (TimeRole.BackdatingThief, 4)],
        });

        var report = new TimeTheft().Run(crowd.Log);

        // Half the thieves' claims reach back over their neighbours: the worker's own pace must come from the
        // claims nothing overlaps, and an overlap is blamed on the claim that is long for its worker, so the
        // honest claims it covers stay mostly unflagged.
        var valid = Enumerable.Repeat(true, crowd.Answers.Count).ToArray();
        var covered = ClaimOverlap.Find(crowd.Log, valid).Covered;
        var thief = crowd.WorkersWhere(r => r == TimeRole.BackdatingThief).ToHashSet();
        var coveredHonest = Enumerable.Range(0, crowd.Answers.Count).Where(a => thief.Contains(crowd.Answers.Workers[a]) && !crowd.Inflated[a] && covered[a] > 5).ToArray();
        Assert.True(coveredHonest.Length >= 100, $"{coveredHonest.Length} covered honest claims");
        Assert.True(coveredHonest.Count(a => report.AnswerP[a] <= AnswerLevel) <= 0.1 * coveredHonest.Length);
        var (inflated, honest) = ClaimRates(crowd, report.AnswerP);
        Assert.True(inflated >= 0.95, $"inflated claims flagged: {inflated:P1}");
        Assert.True(honest <= 0.02, $"honest claims flagged: {honest:P2}");
    }

    [Fact]
    public void Find_HandMadeIntervals_ListsEachOverlappingPairOnce()
    {
        // Worker w0: [0, 10], [5, 20], [2, 30] (reaches back over both); worker w1: [0, 100].
        (string Worker, double Start, double End)[] claims = [("w0", 0, 10), ("w0", 5, 20), ("w0", 2, 30), ("w1", 0, 100)];
        var log = HandLog(claims);

        var overlaps = ClaimOverlap.Find(log, Enumerable.Repeat(true, claims.Length).ToArray());

        var pairs = Enumerable.Range(0, overlaps.Count)
            .Select(i => (log.Answers.SourceRow(overlaps.First(i)), log.Answers.SourceRow(overlaps.Second(i)), overlaps.Length(i)))
            .Order()
            .ToArray();
        Assert.Equal([(0, 1, 5.0), (0, 2, 8.0), (1, 2, 15.0)], pairs);
    }

    [Fact]
    public void Run_NoStartTimes_SkippedWithReason()
    {
        var crowd = TimeCrowd.Build(new TimeCrowdSpec { Tasks = 200, Columns = TimeColumns.SubmittedOnly });

        var report = new TimeTheft().Run(crowd.Log);

        Assert.False(report.Ran);
        Assert.Equal("needs started_at and submitted_at", report.SkippedBecause);
        Assert.All(report.WorkerP.ToArray(), p => Assert.Equal(1, p));
    }

    [Fact]
    public void Run_NoTimestampsAtAll_SkippedWithReason()
    {
        var crowd = TimeCrowd.Build(new TimeCrowdSpec { Tasks = 200, Columns = TimeColumns.None });

        var report = new TimeTheft().Run(crowd.Log);

        Assert.Equal("needs started_at and submitted_at", report.SkippedBecause);
    }

    [Fact]
    public void Run_TwoRuns_IdenticalOutput()
    {
        var crowd = TimeCrowd.Build(new TimeCrowdSpec { Seed = 14, Tasks = 1500 });

        var first = new TimeTheft().Run(crowd.Log);
        var second = new TimeTheft().Run(crowd.Log);

        Assert.Equal(first.WorkerP.ToArray(), second.WorkerP.ToArray());
        Assert.Equal(first.AnswerP.ToArray(), second.AnswerP.ToArray());
        Assert.Equal(
            Enumerable.Range(0, crowd.Roles.Length).Select(first.WorkerReason),
            Enumerable.Range(0, crowd.Roles.Length).Select(second.WorkerReason));
    }

    [Fact]
    public void Run_InvalidOptions_Throws()
    {
        var options = TimeTheftOptions.Default with { OverlapShare = 1.5, MinSeconds = 0 };

        var error = Assert.Throws<ArgumentException>(() => new TimeTheft(options));

        Assert.Contains(nameof(TimeTheftOptions.OverlapShare), error.Message);
        Assert.Contains(nameof(TimeTheftOptions.MinSeconds), error.Message);
    }

    [Fact]
    public void Covered_HandMadeIntervals_CountsOtherClaimsOnly()
    {
        // Worker w0: [0, 10], [5, 20], [30, 40], [32, 35] (nested), [40, 50] (touches); worker w1: [0, 100].
        (string Worker, double Start, double End)[] claims = [("w0", 0, 10), ("w0", 5, 20), ("w0", 30, 40), ("w0", 32, 35), ("w0", 40, 50), ("w1", 0, 100)];
        var log = HandLog(claims);
        var valid = Enumerable.Repeat(true, claims.Length).ToArray();

        var covered = ClaimOverlap.Find(log, valid).Covered;

        var byRow = new double[claims.Length];
        for (var a = 0; a < claims.Length; a++)
        {
            byRow[log.Answers.SourceRow(a)] = covered[a];
        }

        Assert.Equal([5, 5, 3, 3, 0, 0], byRow);
    }

    [Fact]
    public void CountNull_NoExtraVariation_IsTheBinomialTail()
    {
        int[] counts = [1, 0, 2, 1, 0, 1, 30];
        int[] trials = [100, 100, 100, 100, 100, 100, 100];

        var fit = CountNull.Fit(counts, trials, 0.01, 0.01, 0.001);

        Assert.Equal(0.01, fit.Rate, 6);
        Assert.Equal(0, fit.Correlation);
        Assert.Equal(1 - Math.Pow(0.99, 100), fit.PValue(1, 100), 9);
        Assert.True(fit.PValue(30, 100) < 1e-20);
    }

    [Fact]
    public void CountNull_ExtraVariation_WidensTheTail()
    {
        int[] counts = [0, 0, 4, 0, 5, 1, 0, 3, 0, 4];
        int[] trials = [100, 100, 100, 100, 100, 100, 100, 100, 100, 100];

        var fit = CountNull.Fit(counts, trials, 0.01, 0.01, 0.001);

        Assert.Equal(18.0 / 1001, fit.Rate, 9);
        Assert.True(fit.Correlation > 0.005);
        Assert.True(fit.PValue(8, 100) > 10 * new CountNull(fit.Rate, 0).PValue(8, 100));
        Assert.Equal(1, fit.PValue(0, 100));
    }

    /// <summary>Share of inflated claims and of the other claims (honest workers' and thieves') at or below the answer level.</summary>
    private static (double Inflated, double Honest) ClaimRates(TimeCrowd crowd, ReadOnlySpan<float> answerP)
    {
        int inflated = 0, inflatedFlagged = 0, honest = 0, honestFlagged = 0;
        for (var a = 0; a < answerP.Length; a++)
        {
            var role = crowd.Roles[crowd.Answers.Workers[a]];
            var flagged = answerP[a] <= AnswerLevel;
            if (crowd.Inflated[a])
            {
                inflated++;
                inflatedFlagged += flagged ? 1 : 0;
            }
            else if (role != TimeRole.Bot)
            {
                honest++;
                honestFlagged += flagged ? 1 : 0;
            }
        }

        return (inflated == 0 ? 1 : inflatedFlagged / (double)inflated, honestFlagged / (double)honest);
    }

    private static WorkLog HandLog((string Worker, double Start, double End)[] claims)
    {
        var answers = AnswerSet.FromTriples(claims.Select((c, i) => ($"t{i}", c.Worker, "a")));
        var origin = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;
        var context = new AnswerContext(
            claims.Length,
            [.. claims.Select(c => origin + (long)(c.Start * TimeSpan.TicksPerSecond))],
            [.. claims.Select(c => origin + (long)(c.End * TimeSpan.TicksPerSecond))]);
        return new WorkLog(answers, context, null, new MajorityVote().Infer(answers));
    }
}
