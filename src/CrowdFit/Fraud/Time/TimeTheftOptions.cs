using CrowdFit.Fraud.Behaviour;
using CrowdFit.Truth;

namespace CrowdFit.Fraud.Time;

/// <summary>Settings of <see cref="TimeTheft"/>.</summary>
public sealed record TimeTheftOptions
{
    /// <summary>The default options.</summary>
    public static TimeTheftOptions Default { get; } = new();

    /// <summary>Claimed durations shorter than this many seconds count as this long (their logarithm would otherwise run away).</summary>
    /// <value>1. Must be positive.</value>
    public double MinSeconds { get; init; } = 1;

    /// <summary>Fewest claims a task type needs for a norm of its own; rarer types use the whole log's.</summary>
    /// <value>30. Must be at least 5.</value>
    public int MinTypeClaims { get; init; } = 30;

    /// <summary>Fewest claims of a worker on a task type for that worker's own typical duration on it; with fewer, the worker's typical duration over all types is used (or the type's norm, below this many claims in all).</summary>
    /// <value>5. Must be at least 2.</value>
    public int MinWorkerTypeClaims { get; init; } = 5;

    /// <summary>Claims further than this many robust standard deviations from a first estimate of a norm are left out of the second estimate.</summary>
    /// <value>3. Must be at least 1.5.</value>
    public double TrimDistance { get; init; } = 3;

    /// <summary>
    /// Claims further than this many within-worker robust standard deviations from the worker's first typical
    /// duration are left out of its second estimate (so that the inflated claims do not pull it up).
    /// </summary>
    /// <value>2.5. Must be at least 1.5.</value>
    public double WorkerTrimDistance { get; init; } = 2.5;

    /// <summary>Seconds of overlap between two claims of one worker forgiven as clock skew.</summary>
    /// <value>5. Must be zero or positive.</value>
    public double OverlapToleranceSeconds { get; init; } = 5;

    /// <summary>A claim overlaps when more than this share of it (after the tolerance) is also covered by the worker's other claims.</summary>
    /// <value>0.1. Must be in (0, 1).</value>
    public double OverlapShare { get; init; } = 0.1;

    /// <summary>
    /// Robust z at or above which a claim shares the blame for an overlap with a claim even longer for its
    /// worker (below it, only the longer of the two is blamed).
    /// </summary>
    /// <value>2. Must be zero or positive.</value>
    public double BlameDistance { get; init; } = 2;

    /// <summary>Robust standard deviations an overlapping claim's excess is raised by in its statistic (see <see cref="TimeTheft"/>).</summary>
    /// <value>6. Must be in [0, 10].</value>
    public double OverlapWeight { get; init; } = 6;

    /// <summary>Degrees of freedom of the Student t whose tail turns an answer's robust z into its p-value (heavier tails than the normal allow for honest claims that are not quite log-normal).</summary>
    /// <value>8. Must be at least 1.</value>
    public double TailDegrees { get; init; } = 8;

    /// <summary>The answer p-value at or below which a claim counts as inflated in its worker's evidence; also the level at which answers are meant to be read.</summary>
    /// <value>0.01. Must be in (0, 0.5).</value>
    public double AnswerLevel { get; init; } = 0.01;

    /// <summary>Fewest claims a worker needs for the test of its typical claimed time against other workers'.</summary>
    /// <value>10. Must be at least 2.</value>
    public int MinWorkerClaims { get; init; } = 10;

    /// <summary>Workers whose count is this improbable for the current fit of honest counts are left out of the next round of it.</summary>
    /// <value>0.001. Must be in (0, 1).</value>
    public double TrimLevel { get; init; } = 0.001;

    /// <summary>Smallest robust standard deviation of a log-duration, so a log of identical times does not make every small difference significant.</summary>
    /// <value>0.05. Must be positive.</value>
    public double MinScale { get; init; } = 0.05;

    /// <summary>Workers with a p-value at or below this get a reason.</summary>
    /// <value>0.05. Must be in (0, 1).</value>
    public double ReportLevel { get; init; } = 0.05;

    /// <summary>Checks every setting and reports all problems together.</summary>
    /// <exception cref="ArgumentException">One or more settings are out of range.</exception>
    public void Validate()
    {
        List<string> problems = [];
        Check.Positive(problems, nameof(MinSeconds), MinSeconds);
        Check.AtLeast(problems, nameof(MinTypeClaims), MinTypeClaims, 5);
        Check.AtLeast(problems, nameof(MinWorkerTypeClaims), MinWorkerTypeClaims, 2);
        Check.Between(problems, nameof(TrimDistance), TrimDistance, 1.5, double.MaxValue);
        Check.Between(problems, nameof(WorkerTrimDistance), WorkerTrimDistance, 1.5, double.MaxValue);
        Check.Between(problems, nameof(OverlapToleranceSeconds), OverlapToleranceSeconds, 0, double.MaxValue);
        Check.Probability(problems, nameof(OverlapShare), OverlapShare);
        Check.Between(problems, nameof(BlameDistance), BlameDistance, 0, double.MaxValue);
        Check.Between(problems, nameof(OverlapWeight), OverlapWeight, 0, 10);
        Check.Between(problems, nameof(TailDegrees), TailDegrees, 1, double.MaxValue);
        Check.Between(problems, nameof(AnswerLevel), AnswerLevel, double.Epsilon, 0.5);
        Check.AtLeast(problems, nameof(MinWorkerClaims), MinWorkerClaims, 2);
        Check.Probability(problems, nameof(TrimLevel), TrimLevel);
        Check.Positive(problems, nameof(MinScale), MinScale);
        Check.Probability(problems, nameof(ReportLevel), ReportLevel);
        OptionsProblems.ThrowIfAny(nameof(TimeTheftOptions), problems);
    }
}
