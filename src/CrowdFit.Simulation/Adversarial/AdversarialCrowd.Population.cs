using CrowdFit.Simulation.Sampling;

namespace CrowdFit.Simulation.Adversarial;

public sealed partial class AdversarialCrowd
{
    /// <summary>The tasks and accounts of <see cref="Generate"/>, drawn in the same order, without the work.</summary>
    internal static CrowdPopulation Population(AdversarialCrowdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Problems() is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        var rng = new Xoshiro256((ulong)options.Seed, 0xAD7E);
        var (trueLabel, taskType, gold) = MakeTasks(options, ref rng);
        var accounts = MakeAccounts(options, ref rng);
        return new CrowdPopulation(options, trueLabel, taskType, gold, [.. accounts.Select(a => new PopulationAccount(
            a.Id, a.Kind, a.Group, a.IsLeader, [.. a.Accuracy], a.Activity, a.ConstantLabel, a.OnsetShare, Countries.All[a.PaymentCountry].Code))]);
    }
}
