using CrowdFit.Simulation.Adversarial;

namespace CrowdFit.Simulation.Tests.Live;

/// <summary>Crowds small enough for a closed-loop run in a fraction of a second.</summary>
internal static class SmallCrowds
{
    /// <summary>200 tasks, three labels, twelve good honest workers and two spammers.</summary>
    public static AdversarialCrowdOptions Easy(long seed) => new()
    {
        Name = "easy",
        Seed = seed,
        Tasks = 200,
        Labels = ["a", "b", "c"],
        GoldShare = 0.05,
        Honest = 12,
        HonestMinAccuracy = 0.8,
        Adversaries = [(AdversaryKind.UniformSpammer, 1), (AdversaryKind.ConstantSpammer, 1)],
    };
}
