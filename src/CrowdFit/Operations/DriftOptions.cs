namespace CrowdFit.Operations;

/// <summary>Settings of <see cref="Drift"/> (SPEC G3).</summary>
public sealed record DriftOptions
{
    /// <summary>The longest window allowed: 100 years of 365.25 days.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(36_525);

    /// <summary>The default options.</summary>
    public static DriftOptions Default { get; } = new();

    /// <summary>
    /// Length of a time window. Windows are aligned on multiples of this length counted from 0001-01-01 UTC, so
    /// day windows run from UTC midnight to UTC midnight.
    /// </summary>
    /// <value>One day. Must be positive and at most <see cref="MaxWindow"/>.</value>
    public TimeSpan Window { get; init; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Fewest answers a window may hold. A window with fewer is merged with the windows after it until the merged
    /// window holds enough; answers left over at the end join the last full window.
    /// </summary>
    /// <value>200. Must be at least 1.</value>
    public int MinAnswers { get; init; } = 200;

    /// <summary>
    /// Significance level of an alert, after the Bonferroni correction over the windows tested: a window is
    /// flagged when its corrected p-value is at most this.
    /// </summary>
    /// <value>0.001. Must be in (0, 1).</value>
    public double Alpha { get; init; } = 0.001;

    /// <summary>Every setting that is out of range, one sentence each; empty when all are valid.</summary>
    /// <returns>The problems, in the order of the properties.</returns>
    public IReadOnlyList<string> Problems()
    {
        List<string> problems = [];
        if (Window <= TimeSpan.Zero || Window > MaxWindow)
        {
            problems.Add($"Window must be positive and at most {MaxWindow.TotalDays} days (was {Window}).");
        }

        if (MinAnswers < 1)
        {
            problems.Add($"MinAnswers must be at least 1 (was {MinAnswers}).");
        }

        if (!(Alpha > 0) || !(Alpha < 1))
        {
            problems.Add($"Alpha must be in (0, 1) (was {Alpha}).");
        }

        return problems;
    }
}
