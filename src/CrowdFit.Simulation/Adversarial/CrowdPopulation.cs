namespace CrowdFit.Simulation.Adversarial;

/// <summary>
/// The people and tasks of an adversarial crowd before any work is dealt: what a live simulation draws its
/// answers from. The same options give the same population as <see cref="AdversarialCrowd.Generate"/>.
/// </summary>
public sealed class CrowdPopulation
{
    internal CrowdPopulation(AdversarialCrowdOptions options, int[] trueLabel, int[] taskType, bool[] gold, PopulationAccount[] accounts)
    {
        Options = options;
        TrueLabel = trueLabel;
        TaskType = taskType;
        Gold = gold;
        Accounts = accounts;
    }

    /// <summary>The options the population was drawn from.</summary>
    public AdversarialCrowdOptions Options { get; }

    /// <summary>True class index of each task (index into <see cref="AdversarialCrowdOptions.Labels"/>).</summary>
    public IReadOnlyList<int> TrueLabel { get; }

    /// <summary>Task type index of each task.</summary>
    public IReadOnlyList<int> TaskType { get; }

    /// <summary>Whether each task is a gold (control) task.</summary>
    public IReadOnlyList<bool> Gold { get; }

    /// <summary>The accounts, by index.</summary>
    public IReadOnlyList<PopulationAccount> Accounts { get; }

    /// <summary>Draws the population of <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static CrowdPopulation Draw(AdversarialCrowdOptions options) => AdversarialCrowd.Population(options);
}
