using CrowdFit.Truth;

namespace CrowdFit.Fraud.Behaviour;

/// <summary>Settings of <see cref="Honeypots"/>.</summary>
public sealed record HoneypotsOptions
{
    /// <summary>The default options.</summary>
    public static HoneypotsOptions Default { get; } = new();

    /// <summary>Fewest gold answers a worker needs to enter the fit of honest gold accuracy.</summary>
    /// <value>3. Must be at least 1.</value>
    public int MinReferenceGold { get; init; } = 3;

    /// <summary>Fewest such workers for the fit; with fewer, the pooled gold accuracy with <see cref="FallbackSpread"/> is used.</summary>
    /// <value>8. Must be at least 3.</value>
    public int MinReferenceWorkers { get; init; } = 8;

    /// <summary>Spread (standard deviation) of honest gold accuracy assumed when too few workers have gold answers to estimate it.</summary>
    /// <value>0.15. Must be in [0.01, 0.3].</value>
    public double FallbackSpread { get; init; } = 0.15;

    /// <summary>Smallest spread of honest gold accuracy the fit may report.</summary>
    /// <value>0.03. Must be in [0.01, 0.3].</value>
    public double MinSpread { get; init; } = 0.03;

    /// <summary>Workers whose gold record is this improbable for the current fit are left out of the next round of it.</summary>
    /// <value>0.01. Must be in (0, 1).</value>
    public double TrimLevel { get; init; } = 0.01;

    /// <summary>
    /// How much more accurate on gold than on other tasks an honest worker may look before the gap test counts
    /// it: the consensus an answer is compared with on other tasks is itself sometimes wrong.
    /// </summary>
    /// <value>0.05. Must be in [0, 0.5].</value>
    public double GapAllowance { get; init; } = 0.05;

    /// <summary>Credible mass of the interval reported around each worker's gold accuracy.</summary>
    /// <value>0.95. Must be in (0, 1).</value>
    public double IntervalMass { get; init; } = 0.95;

    /// <summary>Checks every setting and reports all problems together.</summary>
    /// <exception cref="ArgumentException">One or more settings are out of range.</exception>
    public void Validate()
    {
        List<string> problems = [];
        Check.AtLeast(problems, nameof(MinReferenceGold), MinReferenceGold, 1);
        Check.AtLeast(problems, nameof(MinReferenceWorkers), MinReferenceWorkers, 3);
        Check.Between(problems, nameof(FallbackSpread), FallbackSpread, 0.01, 0.3);
        Check.Between(problems, nameof(MinSpread), MinSpread, 0.01, 0.3);
        Check.Probability(problems, nameof(TrimLevel), TrimLevel);
        Check.Between(problems, nameof(GapAllowance), GapAllowance, 0, 0.5);
        Check.Probability(problems, nameof(IntervalMass), IntervalMass);
        OptionsProblems.ThrowIfAny(nameof(HoneypotsOptions), problems);
    }
}
