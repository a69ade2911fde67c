using CrowdFit.Truth;

namespace CrowdFit.Fraud.Behaviour;

/// <summary>Settings of <see cref="BehaviourFeatures"/>.</summary>
public sealed record BehaviourFeaturesOptions
{
    /// <summary>The default options.</summary>
    public static BehaviourFeaturesOptions Default { get; } = new();

    /// <summary>A pause longer than this, in seconds, ends a worker's session.</summary>
    /// <value>1,800 (30 minutes). Must be positive.</value>
    public double SessionGapSeconds { get; init; } = 1800;

    /// <summary>Length in seconds of the trailing window over which the answer rate is counted.</summary>
    /// <value>600 (10 minutes). Must be positive.</value>
    public double RateWindowSeconds { get; init; } = 600;

    /// <summary>Shortest duration in seconds that the log-time features take; shorter, zero and negative durations count as this.</summary>
    /// <value>0.5. Must be positive.</value>
    public double MinSeconds { get; init; } = 0.5;

    /// <summary>
    /// Window lengths, in answers, among which the window of each windowed statistic (recent label entropy,
    /// recent agreement) is chosen.
    /// </summary>
    /// <value>5, 10, 20 and 50. At least one length; each at least 2.</value>
    public IReadOnlyList<int> CandidateWindows { get; init; } = [5, 10, 20, 50];

    /// <summary>Checks every setting and reports all problems together.</summary>
    /// <exception cref="ArgumentException">One or more settings are out of range.</exception>
    public void Validate()
    {
        List<string> problems = [];
        Check.Positive(problems, nameof(SessionGapSeconds), SessionGapSeconds);
        Check.Positive(problems, nameof(RateWindowSeconds), RateWindowSeconds);
        Check.Positive(problems, nameof(MinSeconds), MinSeconds);
        if (CandidateWindows is null || CandidateWindows.Count == 0 || CandidateWindows.Any(w => w < 2))
        {
            problems.Add($"{nameof(CandidateWindows)} must hold at least one length, each at least 2 (was [{string.Join(", ", CandidateWindows ?? [])}]).");
        }

        OptionsProblems.ThrowIfAny(nameof(BehaviourFeaturesOptions), problems);
    }
}
