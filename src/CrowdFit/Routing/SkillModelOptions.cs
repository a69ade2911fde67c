namespace CrowdFit.Routing;

/// <summary>Settings of <see cref="SkillModel"/>: the strength of the prior and how similarities are measured.</summary>
public sealed record SkillModelOptions
{
    /// <summary>The default options.</summary>
    public static SkillModelOptions Default { get; } = new();

    /// <summary>
    /// Weight, in answers, of the prior on each worker's accuracy on a type (the crowd's mean moved by the worker's
    /// standing on similar types). Also the weight of <see cref="DefaultAccuracy"/> in each type's crowd mean.
    /// </summary>
    /// <value>4. Must be positive and finite.</value>
    /// <remarks>A handful of answers: the prior decides for a newcomer and fades once the worker has answered a few dozen tasks of the type.</remarks>
    public double PriorStrength { get; init; } = 4;

    /// <summary>The accuracy assumed on a task type that has no evidence at all.</summary>
    /// <value>0.7. Must be in (0, 1).</value>
    public double DefaultAccuracy { get; init; } = 0.7;

    /// <summary>Probability mass of the credible interval <see cref="SkillEstimate.Low"/>..<see cref="SkillEstimate.High"/>.</summary>
    /// <value>0.95. Must be in (0, 1).</value>
    public double IntervalMass { get; init; } = 0.95;

    /// <summary>Effective answers a worker needs on each of two types to count in their similarity.</summary>
    /// <value>5. Must be zero or positive and finite.</value>
    public double OverlapEvidence { get; init; } = 5;

    /// <summary>
    /// Shrinkage of a similarity toward 0, in workers: a similarity measured on m shared workers is multiplied by
    /// m / (m + this).
    /// </summary>
    /// <value>10. Must be zero or positive and finite.</value>
    /// <remarks>With 10, a correlation seen on 10 shared workers counts half, on 90 nine tenths.</remarks>
    public double SimilarityShrinkage { get; init; } = 10;

    /// <summary>Lists every problem with these options; empty when they are valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        List<string> problems = [];
        if (!(PriorStrength > 0 && double.IsFinite(PriorStrength)))
        {
            problems.Add($"PriorStrength must be positive and finite; got {PriorStrength}.");
        }

        CheckOpenUnit(problems, nameof(DefaultAccuracy), DefaultAccuracy);
        CheckOpenUnit(problems, nameof(IntervalMass), IntervalMass);
        CheckCount(problems, nameof(OverlapEvidence), OverlapEvidence);
        CheckCount(problems, nameof(SimilarityShrinkage), SimilarityShrinkage);
        return problems;
    }

    private static void CheckOpenUnit(List<string> problems, string name, double value)
    {
        if (!(value > 0 && value < 1))
        {
            problems.Add($"{name} must be in (0, 1); got {value}.");
        }
    }

    private static void CheckCount(List<string> problems, string name, double value)
    {
        if (!(value >= 0 && double.IsFinite(value)))
        {
            problems.Add($"{name} must be zero or positive and finite; got {value}.");
        }
    }
}
