namespace CrowdFit.Learning;

/// <summary>Settings of <see cref="SupervisedFraudModel"/>.</summary>
public sealed record SupervisedFraudOptions
{
    /// <summary>The default options.</summary>
    public static SupervisedFraudOptions Default { get; } = new();

    /// <summary>Fewest confirmed-fraud answers needed to train.</summary>
    /// <value>10. Must be at least 2.</value>
    public int MinimumFraud { get; init; } = 10;

    /// <summary>Fewest cleared answers needed to train (they also calibrate the p-values).</summary>
    /// <value>20. Must be at least 5.</value>
    public int MinimumCleared { get; init; } = 20;

    /// <summary>Folds of the cross-fitting that gives every adjudicated answer a score from a model that did not see it.</summary>
    /// <value>5. Must be 2 to 20.</value>
    public int Folds { get; init; } = 5;

    /// <summary>Boosted trees in the model.</summary>
    /// <value>100. Must be 1 to 2,000.</value>
    public int Trees { get; init; } = 100;

    /// <summary>Leaves per tree.</summary>
    /// <value>16. Must be 2 to 256.</value>
    public int Leaves { get; init; } = 16;

    /// <summary>Seed of the learner, for repeatable models.</summary>
    /// <value>1.</value>
    public int Seed { get; init; } = 1;

    /// <summary>Lists every problem with these options; empty when they are valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        List<string> problems = [];
        Check(problems, nameof(MinimumFraud), MinimumFraud, 2, int.MaxValue);
        Check(problems, nameof(MinimumCleared), MinimumCleared, 5, int.MaxValue);
        Check(problems, nameof(Folds), Folds, 2, 20);
        Check(problems, nameof(Trees), Trees, 1, 2000);
        Check(problems, nameof(Leaves), Leaves, 2, 256);
        return problems;
    }

    private static void Check(List<string> problems, string name, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            problems.Add(max == int.MaxValue ? $"{name} must be at least {min}; got {value}." : $"{name} must be {min} to {max}; got {value}.");
        }
    }
}
