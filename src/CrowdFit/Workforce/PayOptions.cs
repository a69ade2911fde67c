namespace CrowdFit.Workforce;

/// <summary>Settings of <see cref="EffectivePay"/> (SPEC G1).</summary>
public sealed record PayOptions
{
    /// <summary>The default options.</summary>
    public static PayOptions Default { get; } = new();

    /// <summary>The pay floor per hour of work, in <see cref="Currency"/>; a rate under it is flagged.</summary>
    /// <value>7.25 (the US federal minimum wage). Must be positive and finite.</value>
    public double Floor { get; init; } = 7.25;

    /// <summary>Currency of the rewards and the floor, used only in the report's text.</summary>
    /// <value>"USD". Must not be null; may be empty.</value>
    public string Currency { get; init; } = "USD";

    /// <summary>
    /// Gaps between one worker's claims of at most this many seconds are counted as work: the time spent
    /// finding, opening and reading the next task, which no platform logs but the worker spends. Longer gaps are
    /// breaks. Zero counts only the claimed intervals (overlapping or touching claims still merge).
    /// </summary>
    /// <value>300. Must be zero or positive and finite.</value>
    public double MaxGapSeconds { get; init; } = 300;

    /// <summary>Every setting that is out of range, one sentence each; empty when all are valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        List<string> problems = [];
        if (!(Floor > 0) || double.IsInfinity(Floor))
        {
            problems.Add($"Floor must be positive and finite (was {Floor}).");
        }

        if (Currency is null)
        {
            problems.Add("Currency must not be null (use an empty text for none).");
        }

        if (!(MaxGapSeconds >= 0) || double.IsInfinity(MaxGapSeconds))
        {
            problems.Add($"MaxGapSeconds must be zero or positive and finite (was {MaxGapSeconds}).");
        }

        return problems;
    }
}
