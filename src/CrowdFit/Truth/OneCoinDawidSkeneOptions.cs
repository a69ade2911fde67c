namespace CrowdFit.Truth;

/// <summary>Settings of <see cref="OneCoinDawidSkene"/>.</summary>
public sealed record OneCoinDawidSkeneOptions
{
    /// <summary>Most EM iterations to run.</summary>
    /// <value>100.</value>
    public int MaxIterations { get; init; } = 100;

    /// <summary>
    /// EM stops when the objective (expected complete-data log-likelihood plus the entropy of the posterior,
    /// per answer) gains less than this between iterations.
    /// </summary>
    /// <value>1e-5.</value>
    public double Tolerance { get; init; } = 1e-5;

    /// <summary>
    /// Floor applied to the probabilities of a right and of a wrong answer (which are also capped at one
    /// minus it), to class proportions and, in the objective's entropy, to posterior cells, so that no log is
    /// of zero.
    /// </summary>
    /// <value>1e-10.</value>
    public double Floor { get; init; } = 1e-10;

    /// <summary>Checks every setting and reports all problems together.</summary>
    /// <exception cref="ArgumentException">One or more settings are out of range.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        OptionsProblems.CheckIterations(problems, MaxIterations, Tolerance);

        if (!(Floor > 0 && Floor < 0.5))
        {
            problems.Add($"Floor must be in (0, 0.5) (was {Floor}).");
        }

        OptionsProblems.ThrowIfAny(nameof(OneCoinDawidSkeneOptions), problems);
    }
}
