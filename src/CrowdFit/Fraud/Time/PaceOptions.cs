using CrowdFit.Fraud.Behaviour;
using CrowdFit.Truth;

namespace CrowdFit.Fraud.Time;

/// <summary>Settings of <see cref="Pace"/>.</summary>
public sealed record PaceOptions
{
    /// <summary>The default options.</summary>
    public static PaceOptions Default { get; } = new();

    /// <summary>Durations and gaps shorter than this many seconds count as this long (their logarithm would otherwise run away).</summary>
    /// <value>0.1. Must be positive.</value>
    public double MinSeconds { get; init; } = 0.1;

    /// <summary>A pause longer than this many seconds between two submissions of a worker ends a session; gaps are measured inside sessions only.</summary>
    /// <value>1800 (30 minutes). Must be positive.</value>
    public double SessionBreakSeconds { get; init; } = 1800;

    /// <summary>Length in seconds of the sliding window in which a worker's peak number of submissions is counted.</summary>
    /// <value>60. Must be positive.</value>
    public double BurstWindowSeconds { get; init; } = 60;

    /// <summary>Fewest timed answers a task type needs for a norm of its own; rarer types use the whole log's.</summary>
    /// <value>30. Must be at least 5.</value>
    public int MinTypeAnswers { get; init; } = 30;

    /// <summary>Fewest timed answers (or gaps) a worker needs for each worker-level test.</summary>
    /// <value>10. Must be at least 3.</value>
    public int MinWorkerAnswers { get; init; } = 10;

    /// <summary>Answers further than this many robust standard deviations from a first estimate of a norm are left out of the second estimate.</summary>
    /// <value>3. Must be at least 1.5.</value>
    public double TrimDistance { get; init; } = 3;

    /// <summary>Degrees of freedom of the Student t whose tails turn robust z-scores into p-values.</summary>
    /// <value>8. Must be at least 1.</value>
    public double TailDegrees { get; init; } = 8;

    /// <summary>Smallest robust standard deviation of a log-time, so a log of identical times does not make every small difference significant.</summary>
    /// <value>0.05. Must be positive.</value>
    public double MinScale { get; init; } = 0.05;

    /// <summary>Smallest spread of a worker's log-gaps measured, about the timing noise of a clock and a network (a relative variation of 1 %).</summary>
    /// <value>0.01. Must be positive.</value>
    public double MinRegularity { get; init; } = 0.01;

    /// <summary>Workers this improbable for the current random-effects fit are left out of its next round.</summary>
    /// <value>0.01. Must be in (0, 1).</value>
    public double TrimLevel { get; init; } = 0.01;

    /// <summary>Workers with a p-value at or below this get a reason.</summary>
    /// <value>0.05. Must be in (0, 1).</value>
    public double ReportLevel { get; init; } = 0.05;

    /// <summary>Checks every setting and reports all problems together.</summary>
    /// <exception cref="ArgumentException">One or more settings are out of range.</exception>
    public void Validate()
    {
        List<string> problems = [];
        Check.Positive(problems, nameof(MinSeconds), MinSeconds);
        Check.Positive(problems, nameof(SessionBreakSeconds), SessionBreakSeconds);
        Check.Positive(problems, nameof(BurstWindowSeconds), BurstWindowSeconds);
        Check.AtLeast(problems, nameof(MinTypeAnswers), MinTypeAnswers, 5);
        Check.AtLeast(problems, nameof(MinWorkerAnswers), MinWorkerAnswers, 3);
        Check.Between(problems, nameof(TrimDistance), TrimDistance, 1.5, double.MaxValue);
        Check.Between(problems, nameof(TailDegrees), TailDegrees, 1, double.MaxValue);
        Check.Positive(problems, nameof(MinScale), MinScale);
        Check.Positive(problems, nameof(MinRegularity), MinRegularity);
        Check.Probability(problems, nameof(TrimLevel), TrimLevel);
        Check.Probability(problems, nameof(ReportLevel), ReportLevel);
        OptionsProblems.ThrowIfAny(nameof(PaceOptions), problems);
    }
}
