using CrowdFit.Simulation.Adversarial;
using CrowdFit.Simulation.Live;

namespace CrowdFit.Simulation.Tests.Live;

public sealed class LiveCrowdTests
{
    private static readonly AdversarialCrowdOptions s_crowd = new()
    {
        Seed = 4,
        Tasks = 2_000,
        Labels = ["a", "b", "c", "d"],
        GoldShare = 0.2,
        Honest = 10,
        Adversaries =
        [
            (AdversaryKind.UniformSpammer, 1), (AdversaryKind.ConstantSpammer, 1), (AdversaryKind.GoldAware, 1),
            (AdversaryKind.Sleeper, 1), (AdversaryKind.Ring, 5),
        ],
    };

    private static readonly CrowdPopulation s_population = CrowdPopulation.Draw(s_crowd);

    private static LiveCrowd Crowd(long seed = 1, double presence = 0.4) =>
        new(s_population, new LiveSimulationOptions { Crowd = s_crowd, Policy = new LivePolicy { Name = "overlap1", Kind = LivePolicy.Family.FixedOverlap }, Seed = seed, Presence = presence });

    private static int Account(AdversaryKind kind) => s_population.Accounts.Select((a, i) => (a, i)).First(p => p.a.Kind == kind).i;

    private static double Share(IEnumerable<bool> items) => items.Average(b => b ? 1.0 : 0.0);

    [Fact]
    public void Answer_SameSeed_IsTheSameWhateverTheOrderOfAsking()
    {
        var first = Crowd();
        var second = Crowd();
        var honest = Enumerable.Range(0, s_population.Accounts.Count).Where(a => s_population.Accounts[a].Kind == AdversaryKind.Honest).ToArray();

        var forward = honest.SelectMany(a => Enumerable.Range(0, 300).Select(t => first.Answer(t, a))).ToArray();
        var backward = honest.Reverse().SelectMany(a => Enumerable.Range(0, 300).Reverse().Select(t => (a, t, Label: second.Answer(t, a))))
            .OrderBy(x => Array.IndexOf(honest, x.a)).ThenBy(x => x.t).Select(x => x.Label).ToArray();

        Assert.Equal(forward, backward);
    }

    [Fact]
    public void OnlineAndTakes_SameSeed_AreTheSame_OtherSeed_Differs()
    {
        var first = Crowd();
        var second = Crowd();
        var other = Crowd(seed: 2);
        var accounts = s_population.Accounts.Count;

        bool[] Online(LiveCrowd crowd) => [.. Enumerable.Range(1, 200).SelectMany(r => Enumerable.Range(0, accounts).Select(a => crowd.Online(r, a)))];
        bool[] Takes(LiveCrowd crowd) => [.. Enumerable.Range(0, 200).SelectMany(t => Enumerable.Range(0, accounts).Select(a => crowd.Takes(t, a)))];

        Assert.Equal(Online(first), Online(second));
        Assert.Equal(Takes(first), Takes(second));
        Assert.NotEqual(Online(first), Online(other));
        Assert.Equal(accounts, first.Accounts);
    }

    [Fact]
    public void Online_ShareIsActivityTimesPresenceAtMost95Percent()
    {
        var crowd = Crowd(presence: 0.4);

        Assert.All(Enumerable.Range(0, crowd.Accounts), a =>
        {
            var expected = Math.Min(0.95, s_population.Accounts[a].Activity * 0.4);
            Assert.InRange(Share(Enumerable.Range(1, 4_000).Select(r => crowd.Online(r, a))), expected - 0.03, expected + 0.03);
        });
    }

    [Fact]
    public void Takes_HonestTakeMostOffers_AdversariesEvery()
    {
        var crowd = Crowd();

        Assert.All(Enumerable.Range(0, crowd.Accounts), a =>
        {
            var share = Share(Enumerable.Range(0, s_crowd.Tasks).Select(t => crowd.Takes(t, a)));
            if (s_population.Accounts[a].Kind == AdversaryKind.Honest)
            {
                Assert.InRange(share, 0.75, 1);
            }
            else
            {
                Assert.Equal(1, share);
            }
        });
    }

    [Fact]
    public void Answer_Honest_IsRightWithTheirAccuracy()
    {
        var crowd = Crowd();

        Assert.All(Enumerable.Range(0, crowd.Accounts).Where(a => s_population.Accounts[a].Kind == AdversaryKind.Honest), a =>
        {
            var right = Share(Enumerable.Range(0, s_crowd.Tasks).Select(t => crowd.Answer(t, a) == s_population.TrueLabel[t]));
            Assert.InRange(right, s_population.Accounts[a].Accuracy[0] - 0.05, s_population.Accounts[a].Accuracy[0] + 0.05);
        });
    }

    [Fact]
    public void Answer_Spammers_AreRandomOrConstant()
    {
        var crowd = Crowd();
        var uniform = Account(AdversaryKind.UniformSpammer);
        var constant = Account(AdversaryKind.ConstantSpammer);

        var random = Enumerable.Range(0, s_crowd.Tasks).Select(t => crowd.Answer(t, uniform)).ToArray();
        var fixedLabel = Enumerable.Range(0, s_crowd.Tasks).Select(t => crowd.Answer(t, constant)).ToArray();

        Assert.All(Enumerable.Range(0, 4), label => Assert.InRange(Share(random.Select(l => l == label)), 0.2, 0.3));
        Assert.InRange(Share(fixedLabel.Select(l => l == s_population.Accounts[constant].ConstantLabel)), 0.94, 0.98);
    }

    [Fact]
    public void Answer_GoldAware_IsRightOnGoldOnly()
    {
        var crowd = Crowd();
        var cheater = Account(AdversaryKind.GoldAware);
        var gold = Enumerable.Range(0, s_crowd.Tasks).Where(t => s_population.Gold[t]).ToArray();
        var work = Enumerable.Range(0, s_crowd.Tasks).Where(t => !s_population.Gold[t]).ToArray();

        Assert.All(gold, t => Assert.Equal(s_population.TrueLabel[t], crowd.Answer(t, cheater)));
        Assert.InRange(Share(work.Select(t => crowd.Answer(t, cheater) == s_population.TrueLabel[t])), 0.2, 0.3);
    }

    [Fact]
    public void Answer_Sleeper_TurnsRandomAfterItsShareOfExpectedWork()
    {
        var crowd = Crowd();
        var sleeper = Account(AdversaryKind.Sleeper);
        var account = s_population.Accounts[sleeper];
        var onset = (int)(account.OnsetShare * s_crowd.Tasks * s_crowd.AnswersPerTask * account.Activity / s_population.Accounts.Sum(a => a.Activity));

        var right = Enumerable.Range(0, s_crowd.Tasks).Select(t => crowd.Answer(t, sleeper) == s_population.TrueLabel[t]).ToArray();

        Assert.InRange(onset, 50, s_crowd.Tasks - 500);
        Assert.InRange(Share(right[..onset]), account.Accuracy[0] - 0.15, 1);
        Assert.InRange(Share(right[onset..]), 0.2, 0.3);
    }

    [Fact]
    public void Answer_RingMember_CopiesTheLeaderOnTasksTheLeaderAnswered()
    {
        var crowd = Crowd();
        var leader = Enumerable.Range(0, crowd.Accounts).Single(a => s_population.Accounts[a].IsLeader);
        var member = Enumerable.Range(0, crowd.Accounts).First(a => s_population.Accounts[a].Kind == AdversaryKind.Ring && a != leader);

        var led = Enumerable.Range(0, 500).Select(t => (Leader: crowd.Answer(t, leader), Member: crowd.Answer(t, member))).ToArray();
        var alone = Enumerable.Range(500, 1_000).Select(t => crowd.Answer(t, member) == s_population.TrueLabel[t]).ToArray();

        Assert.All(led, pair => Assert.Equal(pair.Leader, pair.Member));
        Assert.InRange(Share(alone), 0.2, 0.3);
    }
}
