using CrowdFit.Fraud;
using CrowdFit.Fraud.Rings;

namespace CrowdFit.Tests.Fraud.Rings;

public sealed class RingDetectorTests
{
    /// <summary>The flag rule of FraudScoring with ten detectors: p × 10 ≤ 0.01.</summary>
    private const double FlagLevel = 0.001;

    [Fact]
    public void Run_CopyingRingWithContext_FindsExactlyItsMembers()
    {
        var crowd = RingCrowd.Build(new RingCrowdSpec { Seed = 3 });

        var report = new RingDetector().Run(crowd.Log);

        var ring = Assert.Single(report.Rings);
        Assert.Equal(1, ring.Id);
        Assert.Equal(crowd.Ring.Order(), ring.Workers);
        Assert.True(ring.PValue < 1e-12, $"ring p = {ring.PValue}");
        Assert.All(crowd.Ring, w => Assert.True(report.WorkerP[w] <= FlagLevel, $"member {w}: p = {report.WorkerP[w]}"));
        Assert.True(HonestFlagged(report, crowd) <= 1);
    }

    [Fact]
    public void Run_NoisyCopiersInLockstep_FoundByTheirTiming()
    {
        // Copiers who mostly answer at random and trail the leader by 20 s: the labels say little, the clock a lot.
        var spec = new RingCrowdSpec { Seed = 5, CopyNoise = 0.7, CopyJoin = 0.15, CopierLag = 20 };
        var crowd = RingCrowd.Build(spec);
        var labelsOnly = RingCrowd.Build(spec with { Context = false });

        var report = new RingDetector().Run(crowd.Log);
        var blind = new RingDetector().Run(labelsOnly.Log);

        Assert.All(crowd.Ring, w => Assert.True(report.WorkerP[w] <= FlagLevel, $"member {w}: p = {report.WorkerP[w]}"));
        Assert.True(crowd.Ring.Count(w => blind.WorkerP[w] <= FlagLevel) < crowd.Ring.Length);
        Assert.True(HonestFlagged(report, crowd) <= 1);
        Assert.Contains("submits within 60 s of", report.WorkerReason(crowd.Ring[1]), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_CopyingRingWithContext_EvidenceNamesCopyingTimingAndRange()
    {
        var crowd = RingCrowd.Build(new RingCrowdSpec { Seed = 3 });

        var report = new RingDetector().Run(crowd.Log);

        var ring = Assert.Single(report.Rings);
        var copier = ring.Evidence[1];
        Assert.Contains("wrong answers", copier, StringComparison.Ordinal);
        Assert.Contains("submits within 5 s of", copier, StringComparison.Ordinal);
        Assert.Contains("shares IP range 45.12.7.* with 4 members", copier, StringComparison.Ordinal);
        Assert.Contains("signals: copying, submit timing, devices, IP addresses", report.WorkerReason(crowd.Ring[1]), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_LabelsOnly_FindsTheRingByCopyingAndSaysSo()
    {
        var crowd = RingCrowd.Build(new RingCrowdSpec { Seed = 5, Context = false });

        var report = new RingDetector().Run(crowd.Log);

        var ring = Assert.Single(report.Rings);
        Assert.Equal(crowd.Ring.Order(), ring.Workers);
        Assert.Contains("copying only", report.WorkerReason(crowd.Ring[0]), StringComparison.Ordinal);
        Assert.True(HonestFlagged(report, crowd) <= 1);
    }

    [Fact]
    public void Run_HonestWorkersBehindOneNatAndOneOffice_AreNotLinked()
    {
        var crowd = RingCrowd.Build(new RingCrowdSpec { Seed = 7, RingSize = 0, BigNat = 40, Office = 8 });

        var report = new RingDetector().Run(crowd.Log);

        Assert.Empty(report.Rings);
        for (var w = 0; w < crowd.HonestCount; w++)
        {
            Assert.True(report.WorkerP[w] > FlagLevel, $"worker {w}: p = {report.WorkerP[w]}, {report.WorkerReason(w)}");
        }
    }

    [Fact]
    public void Run_BinaryCrowdOfGoodWorkers_DoesNotTakeAgreementForCopying()
    {
        var spec = new RingCrowdSpec { Seed = 11, Classes = 2, RingSize = 0, MinAccuracy = 0.85, MaxAccuracy = 0.98, Tasks = 3000 };
        var crowd = RingCrowd.Build(spec);

        var report = new RingDetector().Run(crowd.Log);

        Assert.Empty(report.Rings);
        Assert.True(HonestFlagged(report, crowd) <= 1);
    }

    [Fact]
    public void Run_AccountsOnOneDevice_FormARingOnTheirOwn()
    {
        var crowd = RingCrowd.Build(new RingCrowdSpec { Seed = 13, RingSize = 0, DeviceFarm = 4 });

        var report = new RingDetector().Run(crowd.Log);

        var ring = Assert.Single(report.Rings);
        Assert.Equal(crowd.Farm, ring.Workers);
        Assert.All(ring.Evidence, e => Assert.Contains("shares device d-farm with 3 members", e, StringComparison.Ordinal));
        var answers = crowd.Answers;
        for (var a = 0; a < answers.Count; a++)
        {
            var farmed = crowd.Farm.Contains(answers.Workers[a]);
            Assert.Equal(farmed, report.AnswerP[a] <= FlagLevel);
        }
    }

    [Fact]
    public void Run_CopyingRing_SharedAnswersGetSmallPValuesAndOthersNone()
    {
        var crowd = RingCrowd.Build(new RingCrowdSpec { Seed = 3 });

        var report = new RingDetector().Run(crowd.Log);

        var answers = crowd.Answers;
        int copied = 0, copierAnswers = 0, honestFlagged = 0;
        for (var a = 0; a < answers.Count; a++)
        {
            var w = answers.Workers[a];
            if (crowd.Ring.Skip(1).Contains(w))
            {
                copierAnswers++;
                copied += report.AnswerP[a] <= FlagLevel ? 1 : 0;
            }
            else if (w < crowd.HonestCount)
            {
                honestFlagged += report.AnswerP[a] <= FlagLevel ? 1 : 0;
            }
        }

        Assert.True(copied >= 0.9 * copierAnswers, $"{copied} of {copierAnswers} copier answers flagged");
        Assert.Equal(0, honestFlagged);
    }

    [Fact]
    public void Run_Twice_GivesIdenticalOutput()
    {
        var crowd = RingCrowd.Build(new RingCrowdSpec { Seed = 3 });
        var detector = new RingDetector();

        var first = detector.Run(crowd.Log);
        var second = detector.Run(crowd.Log);

        Assert.Equal(first.WorkerP.ToArray(), second.WorkerP.ToArray());
        Assert.Equal(first.AnswerP.ToArray(), second.AnswerP.ToArray());
        Assert.Equal(first.Rings.Count, second.Rings.Count);
        for (var r = 0; r < first.Rings.Count; r++)
        {
            Assert.Equal(first.Rings[r].Workers, second.Rings[r].Workers);
            Assert.Equal(first.Rings[r].Evidence, second.Rings[r].Evidence);
            Assert.Equal(first.Rings[r].PValue, second.Rings[r].PValue);
        }

        for (var w = 0; w < crowd.Answers.WorkerCount; w++)
        {
            Assert.Equal(first.WorkerReason(w), second.WorkerReason(w));
        }
    }

    [Theory]
    [InlineData("10.1.2.3", "10.1.2.*")]
    [InlineData(" 192.168.0.254 ", "192.168.0.*")]
    [InlineData("2001:db8::1", null)]
    [InlineData("10.1.2", null)]
    [InlineData("10..2.3", null)]
    [InlineData("1000.1.2.3", null)]
    public void Ipv4Range_Value_IsTheSlash24OrNull(string ip, string? expected)
    {
        var range = SharedInfrastructure.Ipv4Range(ip);

        Assert.Equal(expected, range);
    }

    [Fact]
    public void Constructor_SyncWindowNotBelowReference_Throws()
    {
        var options = new RingDetectorOptions { SyncSeconds = 60, NearSeconds = 60, MinSharedTasks = 1 };

        var error = Assert.Throws<ArgumentException>(() => new RingDetector(options));

        Assert.Contains(nameof(RingDetectorOptions.SyncSeconds), error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(RingDetectorOptions.MinSharedTasks), error.Message, StringComparison.Ordinal);
    }

    private static int HonestFlagged(DetectorReport report, RingCrowd crowd)
    {
        var flagged = 0;
        for (var w = 0; w < crowd.HonestCount; w++)
        {
            flagged += report.WorkerP[w] <= FlagLevel ? 1 : 0;
        }

        return flagged;
    }
}
