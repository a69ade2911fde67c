using CrowdFit.Simulation.Adversarial;

namespace CrowdFit.Simulation.Tests.Adversarial;

public sealed class AdversarialCrowdTests(PlatformCrowd platform) : IClassFixture<PlatformCrowd>
{
    private readonly CrowdLog _log = platform.Log;

    [Fact]
    public void Generate_PlatformScaled_HasEveryKindAndFullTasks()
    {
        var options = platform.Options;

        Assert.Equal(AdversaryKinds.All, _log.Accounts.Values.Select(a => a.Kind).Distinct().Order());
        Assert.Equal(options.Accounts, _log.Accounts.Count);
        Assert.Equal(options.Tasks * options.AnswersPerTask, _log.Rows.Length);
        Assert.All(
            _log.Rows.GroupBy(r => r.Task),
            task => Assert.Equal(options.AnswersPerTask, task.Select(r => r.Worker).Distinct(StringComparer.Ordinal).Count()));
    }

    [Fact]
    public void Truth_IsBadAndAttack_AgreeWithTheWorkersKind()
    {
        Assert.All(_log.Rows, r =>
        {
            var kind = _log.Accounts[r.Worker].Kind;
            Assert.Equal(r.IsBad ? kind.Name() : "none", r.Attack);
            var expected = kind switch
            {
                AdversaryKind.Honest => false,
                AdversaryKind.GoldAware => !_log.Gold.Contains(r.Task),
                AdversaryKind.TimeThief or AdversaryKind.Sleeper => r.IsBad,
                _ => true,
            };
            Assert.Equal(expected, r.IsBad);
        });
        Assert.All(_log.OfKind(AdversaryKind.TimeThief), a => Assert.Contains(_log.Timeline(a.Id), r => r.IsBad));
        Assert.All(_log.OfKind(AdversaryKind.TimeThief), a => Assert.Contains(_log.Timeline(a.Id), r => !r.IsBad));
    }

    [Fact]
    public void Truth_TrueLabelIsOnePerTaskAndMatchesGold()
    {
        var truth = _log.Rows.GroupBy(r => r.Task).ToDictionary(g => g.Key, g => Assert.Single(g.Select(r => r.TrueLabel).Distinct(StringComparer.Ordinal)), StringComparer.Ordinal);

        Assert.NotEmpty(_log.Gold);
        Assert.All(_log.Gold, task => Assert.True(truth.ContainsKey(task)));
    }

    [Fact]
    public void Generate_HonestWorkers_AreAsAccurateAsTheirStatedAccuracy()
    {
        using var directory = new TemporaryDirectory();
        var options = new AdversarialCrowdOptions { Seed = 3, Tasks = 3_000, Honest = 40, Days = 7, TaskTypes = [new("label", 15, 0.02, 0)] };

        var log = CrowdLog.Write(options, directory.Path);

        var workers = log.OfKind(AdversaryKind.Honest).Select(a => (Stated: a.Accuracy, Rows: log.Timeline(a.Id))).ToArray();
        Assert.All(workers.Where(w => w.Rows.Length >= 100), w => Assert.InRange(w.Rows.Count(r => r.Correct) / (double)w.Rows.Length, w.Stated - 0.2, w.Stated + 0.2));
        var observed = workers.Sum(w => w.Rows.Count(r => r.Correct)) / (double)log.Rows.Length;
        var stated = workers.Sum(w => w.Stated * w.Rows.Length) / log.Rows.Length;
        Assert.InRange(observed, stated - 0.025, stated + 0.025);

        // The better half by stated accuracy is the better half in the log too.
        var ranked = workers.OrderBy(w => w.Stated).ToArray();
        double Accuracy(IEnumerable<(double Stated, CrowdLog.Row[] Rows)> half) => half.Sum(w => w.Rows.Count(r => r.Correct)) / (double)half.Sum(w => w.Rows.Length);
        Assert.True(Accuracy(ranked[(ranked.Length / 2)..]) > Accuracy(ranked[..(ranked.Length / 2)]) + 0.05);
    }

    [Fact]
    public void Generate_HonestWorkers_StatedAccuracyWithinTheDocumentedRange()
    {
        Assert.All(_log.OfKind(AdversaryKind.Honest), a => Assert.InRange(a.Accuracy, platform.Options.HonestMinAccuracy, 0.98));
        Assert.All(_log.OfKind(AdversaryKind.UniformSpammer), a => Assert.Equal(0.25, a.Accuracy));
    }

    [Fact]
    public void Generate_HonestWorkers_NeverClaimOverlappingTime()
    {
        Assert.All(_log.OfKind(AdversaryKind.Honest), a => Assert.Equal(0, Overlaps(_log.Timeline(a.Id))));
    }

    [Fact]
    public void Generate_FastBots_AreFasterAndMoreRegularThanHonestWorkers()
    {
        var bots = _log.OfKind(AdversaryKind.FastBot);
        var honest = _log.Rows.Where(r => _log.Accounts[r.Worker].Kind == AdversaryKind.Honest).Select(r => r.Duration).ToArray();

        Assert.NotEmpty(bots);
        Assert.True(Median(honest) >= 8, $"honest median {Median(honest)} s");
        foreach (var bot in bots)
        {
            var timeline = _log.Timeline(bot.Id);
            Assert.All(timeline, r => Assert.InRange(r.Duration, 0, 4));

            // Within a session the beat between submissions is a few seconds, every time.
            var gaps = timeline.Zip(timeline.Skip(1), (x, y) => y.Submitted - x.Submitted).Where(g => g < 600).ToArray();
            Assert.True(gaps.Length >= timeline.Length / 2);
            Assert.All(gaps, g => Assert.InRange(g, 3, 7));
        }
    }

    [Fact]
    public void Generate_TimeThieves_InflateClaimsSoThatTheyOverlap()
    {
        var thieves = _log.OfKind(AdversaryKind.TimeThief);

        Assert.NotEmpty(thieves);
        foreach (var thief in thieves)
        {
            var timeline = _log.Timeline(thief.Id);
            var inflated = timeline.Where(r => r.IsBad).ToArray();
            var plain = timeline.Where(r => !r.IsBad).ToArray();
            Assert.InRange(inflated.Length / (double)timeline.Length, 0.2, 0.6);
            foreach (var type in platform.Options.TaskTypes.Select(t => t.Name))
            {
                var claimed = inflated.Where(r => r.TaskType == type).Select(r => r.Duration).ToArray();
                var real = plain.Where(r => r.TaskType == type).Select(r => r.Duration).ToArray();
                if (claimed.Length >= 5 && real.Length >= 5)
                {
                    Assert.True(Median(claimed) >= 2.5 * Median(real), $"{thief.Id} {type}: inflated {Median(claimed)} s, plain {Median(real)} s");
                }
            }

            Assert.True(Overlaps(timeline) >= inflated.Length / 2, $"{thief.Id}: {Overlaps(timeline)} overlaps, {inflated.Length} inflated");
        }
    }

    [Fact]
    public void Generate_Sleepers_AreGoodBeforeOnsetAndRandomAfter()
    {
        var sleepers = _log.OfKind(AdversaryKind.Sleeper);
        var chance = 1.0 / platform.Options.Labels.Count;

        Assert.NotEmpty(sleepers);
        Assert.All(_log.Accounts.Values.Where(a => a.Kind != AdversaryKind.Sleeper), a => Assert.Equal(-1, a.Onset));
        foreach (var sleeper in sleepers)
        {
            var timeline = _log.Timeline(sleeper.Id);
            Assert.InRange(sleeper.Onset / (double)timeline.Length, 0.25, 0.65);
            var before = timeline[..sleeper.Onset];
            var after = timeline[sleeper.Onset..];
            Assert.All(before, r => Assert.False(r.IsBad));
            Assert.All(after, r => Assert.True(r.IsBad));
            var accuracyBefore = before.Count(r => r.Correct) / (double)before.Length;
            var accuracyAfter = after.Count(r => r.Correct) / (double)after.Length;
            Assert.True(accuracyBefore > accuracyAfter + 0.2, $"{sleeper.Id}: {accuracyBefore:F2} before, {accuracyAfter:F2} after");
            Assert.InRange(accuracyAfter, 0, chance + (3 * Math.Sqrt(chance * (1 - chance) / after.Length)));
        }
    }

    [Fact]
    public void Generate_RingMembers_CopyTheirLeaderSecondsLaterFromOneSubnet()
    {
        var rings = _log.OfKind(AdversaryKind.Ring).GroupBy(a => a.Group).ToArray();

        Assert.NotEmpty(rings);
        foreach (var ring in rings)
        {
            Assert.Equal(platform.Options.RingSize, ring.Count());
            var members = ring.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
            var rows = _log.Rows.Where(r => members.Contains(r.Worker)).ToArray();
            Assert.Single(rows.Select(r => r.Subnet).Distinct(StringComparer.Ordinal));

            var pairs = rows.GroupBy(r => r.Task).Where(g => g.Count() == 2).Select(g => g.OrderBy(r => r.Submitted).ToArray()).ToArray();
            Assert.True(pairs.Length >= 20, $"ring {ring.Key}: {pairs.Length} shared tasks");

            // One member leads every shared task; the others follow it.
            var leader = Assert.Single(pairs.Select(p => p[0].Worker).Distinct(StringComparer.Ordinal));
            Assert.Equal(members.Count - 1, pairs.Select(p => p[1].Worker).Distinct(StringComparer.Ordinal).Count());
            Assert.DoesNotContain(pairs, p => p[1].Worker == leader);
            Assert.All(pairs, p => Assert.InRange(p[1].Submitted - p[0].Submitted, 3, 40));
            var copied = pairs.Count(p => p[0].Label == p[1].Label) / (double)pairs.Length;
            Assert.True(copied >= 0.85, $"ring {ring.Key}: {copied:P0} copied");

            // Followers only answer the leader's tasks.
            var leaderTasks = rows.Where(r => r.Worker == leader).Select(r => r.Task).ToHashSet(StringComparer.Ordinal);
            Assert.All(rows.Where(r => r.Worker != leader), r => Assert.Contains(r.Task, leaderTasks));
        }
    }

    [Fact]
    public void Generate_GoldAware_RightOnGoldAndRandomElsewhere()
    {
        var cheats = _log.OfKind(AdversaryKind.GoldAware);

        Assert.NotEmpty(cheats);
        foreach (var cheat in cheats)
        {
            var timeline = _log.Timeline(cheat.Id);
            Assert.All(timeline.Where(r => _log.Gold.Contains(r.Task)), r => Assert.True(r.Correct));
            var off = timeline.Where(r => !_log.Gold.Contains(r.Task)).ToArray();
            Assert.InRange(off.Count(r => r.Correct) / (double)off.Length, 0, 0.45);
        }
    }

    [Fact]
    public void Generate_Spammers_GiveOneLabelOrRandomLabels()
    {
        foreach (var spammer in _log.OfKind(AdversaryKind.ConstantSpammer))
        {
            var timeline = _log.Timeline(spammer.Id);
            var top = timeline.GroupBy(r => r.Label).Max(g => g.Count());
            Assert.True(top >= 0.88 * timeline.Length, $"{spammer.Id}: {top} of {timeline.Length}");
        }

        foreach (var spammer in _log.OfKind(AdversaryKind.UniformSpammer))
        {
            var timeline = _log.Timeline(spammer.Id);
            Assert.InRange(timeline.Count(r => r.Correct) / (double)timeline.Length, 0, 0.45);
            Assert.Equal(platform.Options.Labels.Count, timeline.Select(r => r.Label).Distinct(StringComparer.Ordinal).Count());
        }
    }

    [Fact]
    public void Generate_SharedAccounts_LogInFromSeveralCountries()
    {
        var shared = _log.OfKind(AdversaryKind.SharedAccount);

        Assert.NotEmpty(shared);
        foreach (var account in shared)
        {
            var timeline = _log.Timeline(account.Id);
            Assert.True(timeline.Select(r => r.Country).Distinct(StringComparer.Ordinal).Count() >= 2);
            Assert.Contains(timeline, r => r.Country != r.PaymentCountry);
        }

        var honest = _log.OfKind(AdversaryKind.Honest).Select(a => _log.Timeline(a.Id)).ToArray();
        var honestAbroad = honest.Count(t => t.Any(r => r.Country != r.PaymentCountry));
        Assert.True(honestAbroad <= honest.Length * platform.Options.VpnShare * 3 + 2, $"{honestAbroad} honest workers log in abroad");
    }

    [Fact]
    public void Generate_AccountFarms_ShareOneDeviceAndJoinLate()
    {
        var farms = _log.OfKind(AdversaryKind.AccountFarm).GroupBy(a => a.Group).ToArray();

        Assert.NotEmpty(farms);
        foreach (var farm in farms)
        {
            Assert.Equal(platform.Options.FarmSize, farm.Count());
            Assert.All(farm, a => Assert.True(a.FirstDay >= platform.Options.Days / 2, $"{a.Id} joined on day {a.FirstDay}"));
            var members = farm.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
            var rows = _log.Rows.Where(r => members.Contains(r.Worker)).ToArray();

            // One machine (a person may have a second device, used on alternate days) behind one address range.
            Assert.InRange(rows.Select(r => r.Device).Distinct(StringComparer.Ordinal).Count(), 1, 2);
            Assert.Single(rows.Select(r => r.Subnet).Distinct(StringComparer.Ordinal));
        }
    }

    /// <summary>Answers whose claimed start is before the previous answer's submission.</summary>
    private static int Overlaps(CrowdLog.Row[] timeline)
    {
        var overlaps = 0;
        for (var i = 1; i < timeline.Length; i++)
        {
            overlaps += timeline[i].Started < timeline[i - 1].Submitted ? 1 : 0;
        }

        return overlaps;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
