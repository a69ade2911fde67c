using CrowdFit.Truth;

namespace CrowdFit.Fraud.Behaviour;

/// <summary>Settings of <see cref="SpamState"/>.</summary>
public sealed record SpamStateOptions
{
    /// <summary>The default options.</summary>
    public static SpamStateOptions Default { get; } = new();

    /// <summary>Shortest run of answers, at the end of a worker's timeline or before it, that the change scan tests.</summary>
    /// <value>8. Must be at least 2.</value>
    public int MinSegment { get; init; } = 8;

    /// <summary>
    /// Ratio between successive run lengths the change scan tests, each at least one answer longer than the last
    /// (a geometric grid; 1 tests every length). The scan's correction (<see cref="SpamState"/>) charges little for
    /// close lengths, and a run that starts near the change contrasts it best.
    /// </summary>
    /// <value>1.03. Must be in [1, 4].</value>
    public double SegmentGrowth { get; init; } = 1.03;

    /// <summary>Pseudo-answers, spread as the class prior, added to a worker's label counts when estimating its habitual label shares.</summary>
    /// <value>2. Must be positive.</value>
    public double ShareSmoothing { get; init; } = 2;

    /// <summary>Fewest answers (on tasks without gold) a worker needs to enter the fit of honest skill.</summary>
    /// <value>20. Must be at least 2.</value>
    public int MinReferenceAnswers { get; init; } = 20;

    /// <summary>Fewest such workers for the fit; with fewer the fallback skill distribution is used.</summary>
    /// <value>8. Must be at least 3.</value>
    public int MinReferenceWorkers { get; init; } = 8;

    /// <summary>Mean honest skill κ assumed when the log has too few workers to estimate it.</summary>
    /// <value>0.6. Must be in [0.05, 0.95].</value>
    public double FallbackSkillMean { get; init; } = 0.6;

    /// <summary>Spread (standard deviation) of honest skill assumed when the log has too few workers to estimate it.</summary>
    /// <value>0.2. Must be in [0.01, 0.3].</value>
    public double FallbackSkillSpread { get; init; } = 0.2;

    /// <summary>Smallest spread of honest skill the fit may report, so a uniform crowd does not make every slight dip look significant.</summary>
    /// <value>0.05. Must be in [0.01, 0.3].</value>
    public double MinSkillSpread { get; init; } = 0.05;

    /// <summary>Workers whose skill is this improbable for the current fit are left out of the next round of it.</summary>
    /// <value>0.01. Must be in (0, 1).</value>
    public double TrimLevel { get; init; } = 0.01;

    /// <summary>Longest period of a repeating label pattern tested.</summary>
    /// <value>8. Must be at least 1.</value>
    public int MaxPatternLag { get; init; } = 8;

    /// <summary>
    /// How much more often than predicted an honest worker may repeat the label it gave a few answers earlier
    /// (people anchor on their previous answer) before the pattern test counts it as evidence.
    /// </summary>
    /// <value>0.1. Must be in [0, 0.5].</value>
    public double PatternAllowance { get; init; } = 0.1;

    /// <summary>Workers with a p-value at or below this get an onset and a reason.</summary>
    /// <value>0.05. Must be in (0, 1).</value>
    public double ReportLevel { get; init; } = 0.05;

    /// <summary>Checks every setting and reports all problems together.</summary>
    /// <exception cref="ArgumentException">One or more settings are out of range.</exception>
    public void Validate()
    {
        List<string> problems = [];
        Check.AtLeast(problems, nameof(MinSegment), MinSegment, 2);
        Check.Between(problems, nameof(SegmentGrowth), SegmentGrowth, 1, 4);
        Check.Positive(problems, nameof(ShareSmoothing), ShareSmoothing);
        Check.AtLeast(problems, nameof(MinReferenceAnswers), MinReferenceAnswers, 2);
        Check.AtLeast(problems, nameof(MinReferenceWorkers), MinReferenceWorkers, 3);
        Check.Between(problems, nameof(FallbackSkillMean), FallbackSkillMean, 0.05, 0.95);
        Check.Between(problems, nameof(FallbackSkillSpread), FallbackSkillSpread, 0.01, 0.3);
        Check.Between(problems, nameof(MinSkillSpread), MinSkillSpread, 0.01, 0.3);
        Check.Probability(problems, nameof(TrimLevel), TrimLevel);
        Check.AtLeast(problems, nameof(MaxPatternLag), MaxPatternLag, 1);
        Check.Between(problems, nameof(PatternAllowance), PatternAllowance, 0, 0.5);
        Check.Probability(problems, nameof(ReportLevel), ReportLevel);
        OptionsProblems.ThrowIfAny(nameof(SpamStateOptions), problems);
    }
}
