namespace CrowdFit.Truth;

/// <summary>Settings of <see cref="Glad"/>.</summary>
public sealed record GladOptions
{
    /// <summary>Most EM iterations to run.</summary>
    /// <value>100.</value>
    public int MaxIterations { get; init; } = 100;

    /// <summary>
    /// EM stops when the M-step objective (expected log-likelihood plus the log-priors of the parameters,
    /// divided by answers × classes) gains less than this between iterations.
    /// </summary>
    /// <value>1e-5.</value>
    public double Tolerance { get; init; } = 1e-5;

    /// <summary>Most conjugate-gradient iterations in one M-step.</summary>
    /// <value>25.</value>
    public int MaxGradientIterations { get; init; } = 25;

    /// <summary>An M-step ends when no component of the objective's gradient exceeds this in magnitude.</summary>
    /// <value>1e-2.</value>
    public double GradientTolerance { get; init; } = 1e-2;

    /// <summary>
    /// Mean of the standard-normal prior on every worker's ability α, and the value α starts from.
    /// </summary>
    /// <value>1.</value>
    public double AbilityPriorMean { get; init; } = 1;

    /// <summary>
    /// Mean of the standard-normal prior on every task's log inverse difficulty β (the model uses
    /// exp(β) &gt; 0), and the value β starts from.
    /// </summary>
    /// <value>1.</value>
    public double DifficultyPriorMean { get; init; } = 1;

    /// <summary>Checks every setting and reports all problems together.</summary>
    /// <exception cref="ArgumentException">One or more settings are out of range.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        OptionsProblems.CheckIterations(problems, MaxIterations, Tolerance);

        if (MaxGradientIterations < 1)
        {
            problems.Add($"MaxGradientIterations must be at least 1 (was {MaxGradientIterations}).");
        }

        if (!(GradientTolerance >= 0))
        {
            problems.Add($"GradientTolerance must be zero or positive (was {GradientTolerance}).");
        }

        if (!double.IsFinite(AbilityPriorMean))
        {
            problems.Add($"AbilityPriorMean must be finite (was {AbilityPriorMean}).");
        }

        if (!double.IsFinite(DifficultyPriorMean))
        {
            problems.Add($"DifficultyPriorMean must be finite (was {DifficultyPriorMean}).");
        }

        OptionsProblems.ThrowIfAny(nameof(GladOptions), problems);
    }
}
