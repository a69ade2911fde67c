using System.Globalization;
using CrowdFit.Simulation.Adversarial;
using CrowdFit.Simulation.Tests.Adversarial;

namespace CrowdFit.Simulation.Tests.Live;

public sealed class CrowdPopulationTests
{
    /// <summary>A small platform: three task types, every adversary kind, one ring and one farm.</summary>
    private static readonly AdversarialCrowdOptions s_platform = AdversarialCrowdOptions.Platform.Scale(0.01) with { Seed = 11 };

    [Fact]
    public void Draw_SameOptionsAsGenerate_GivesTheSameAccounts()
    {
        var crowd = AdversarialCrowd.Generate(s_platform);

        var population = CrowdPopulation.Draw(s_platform);

        Assert.Same(s_platform, population.Options);
        Assert.Equal(s_platform.Accounts, population.Accounts.Count);
        Assert.Equal(crowd.Accounts.Select(a => a.Id), population.Accounts.Select(a => a.Id));
        Assert.Equal(crowd.Accounts.Select(a => a.Kind), population.Accounts.Select(a => a.Kind));
        Assert.Equal(crowd.Accounts.Select(a => a.Group), population.Accounts.Select(a => a.Group));
        Assert.Equal(crowd.Accounts.Select(a => a.PaymentCountry), population.Accounts.Select(a => a.Country));
    }

    [Fact]
    public void Draw_SameOptionsAsGenerate_GivesAccuraciesAroundTheBaseAccuracy()
    {
        var crowd = AdversarialCrowd.Generate(s_platform);

        var population = CrowdPopulation.Draw(s_platform);

        // Per type: base accuracy minus the type's difficulty plus an aptitude of sd 0.04, clamped.
        var honest = crowd.Accounts.Select((a, i) => (Generated: a, Drawn: population.Accounts[i])).Where(p => p.Generated.Kind == AdversaryKind.Honest).ToArray();
        Assert.NotEmpty(honest);
        Assert.All(honest, p =>
        {
            Assert.Equal(s_platform.TaskTypes.Count, p.Drawn.Accuracy.Count);
            for (var t = 0; t < s_platform.TaskTypes.Count; t++)
            {
                var expected = p.Generated.Accuracy - s_platform.TaskTypes[t].Difficulty;
                Assert.InRange(p.Drawn.Accuracy[t], Math.Max(1.0 / s_platform.Labels.Count, expected - 0.2), Math.Min(0.995, expected + 0.2));
            }
        });
    }

    [Fact]
    public void Draw_SameOptionsAsGenerate_GivesTheSameTasksAsTheWrittenTruth()
    {
        using var directory = new TemporaryDirectory();
        var log = CrowdLog.Write(s_platform, directory.Path);

        var population = CrowdPopulation.Draw(s_platform);

        var byTask = log.Rows.GroupBy(r => r.Task).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        Assert.Equal(s_platform.Tasks, population.TrueLabel.Count);
        Assert.Equal(s_platform.Tasks, population.TaskType.Count);
        Assert.Equal(s_platform.Tasks, population.Gold.Count);
        Assert.Equal(s_platform.Tasks, byTask.Count);
        for (var t = 0; t < s_platform.Tasks; t++)
        {
            var id = "t" + t.ToString("D5", CultureInfo.InvariantCulture);
            var row = byTask[id];
            Assert.Equal(row.TrueLabel, s_platform.Labels[population.TrueLabel[t]]);
            Assert.Equal(row.TaskType, s_platform.TaskTypes[population.TaskType[t]].Name);
            Assert.Equal(log.Gold.Contains(id), population.Gold[t]);
        }

        Assert.NotEmpty(log.Gold);
        Assert.True(population.TaskType.Distinct().Count() == s_platform.TaskTypes.Count, "every task type occurs");
    }

    [Fact]
    public void Draw_SameOptionsAsGenerate_GivesTheKindsOfTheWrittenWorkers()
    {
        using var directory = new TemporaryDirectory();
        var log = CrowdLog.Write(s_platform, directory.Path);

        var population = CrowdPopulation.Draw(s_platform);

        Assert.Equal(log.Accounts.Count, population.Accounts.Count);
        Assert.All(population.Accounts, a =>
        {
            var written = log.Accounts[a.Id];
            Assert.Equal(written.Kind, a.Kind);
            Assert.Equal(written.Group, a.Group);
            Assert.Equal(written.PaymentCountry, a.Country);
        });
    }

    [Fact]
    public void Draw_Rings_HaveOneLeaderEach()
    {
        var population = CrowdPopulation.Draw(s_platform);

        var rings = population.Accounts.Where(a => a.Kind == AdversaryKind.Ring).GroupBy(a => a.Group).ToArray();
        Assert.NotEmpty(rings);
        Assert.All(rings, ring =>
        {
            Assert.Equal(s_platform.RingSize, ring.Count());
            Assert.Single(ring, a => a.IsLeader);
        });
        Assert.DoesNotContain(population.Accounts, a => a.IsLeader && a.Kind != AdversaryKind.Ring);
    }

    [Fact]
    public void Draw_AccountFields_FollowTheirKind()
    {
        var population = CrowdPopulation.Draw(s_platform);

        Assert.All(population.Accounts, a =>
        {
            Assert.Equal(a.Kind is not (AdversaryKind.Honest or AdversaryKind.TimeThief), a.Adversarial);
            Assert.InRange(a.ConstantLabel, 0, s_platform.Labels.Count - 1);
            Assert.True(a.Activity > 0, a.Id);
            Assert.Equal(a.Kind is AdversaryKind.Ring or AdversaryKind.AccountFarm, a.Group > 0);
            if (a.Kind == AdversaryKind.Sleeper)
            {
                Assert.InRange(a.OnsetShare, 0.3, 0.6);
            }
            else
            {
                Assert.Equal(0, a.OnsetShare);
            }
        });
    }

    [Fact]
    public void Draw_Twice_IsIdentical()
    {
        var first = CrowdPopulation.Draw(s_platform);
        var second = CrowdPopulation.Draw(s_platform);

        Assert.Equal(first.TrueLabel, second.TrueLabel);
        Assert.Equal(first.TaskType, second.TaskType);
        Assert.Equal(first.Gold, second.Gold);
        Assert.Equal(first.Accounts.Count, second.Accounts.Count);
        for (var i = 0; i < first.Accounts.Count; i++)
        {
            Assert.Equal(first.Accounts[i] with { Accuracy = [] }, second.Accounts[i] with { Accuracy = [] });
            Assert.Equal(first.Accounts[i].Accuracy, second.Accounts[i].Accuracy);
        }
    }

    [Fact]
    public void Draw_OtherSeed_GivesOtherTasks()
    {
        var first = CrowdPopulation.Draw(s_platform);
        var other = CrowdPopulation.Draw(s_platform with { Seed = 12 });

        Assert.NotEqual(first.TrueLabel, other.TrueLabel);
        Assert.NotEqual(first.Accounts.Select(a => a.Kind), other.Accounts.Select(a => a.Kind));
    }

    [Fact]
    public void Draw_InvalidOptions_ThrowsListingTheProblems()
    {
        var error = Assert.Throws<ArgumentException>(() => CrowdPopulation.Draw(s_platform with { Tasks = 0, Days = 0 }));

        Assert.Contains("Tasks must be at least 1 (was 0).", error.Message, StringComparison.Ordinal);
        Assert.Contains("Days must be at least 1 (was 0).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Draw_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => CrowdPopulation.Draw(null!));
    }
}
