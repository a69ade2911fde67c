namespace CrowdFit.Reports;

/// <summary>Caps on what a report lists and draws, so that the report of a large log stays small and quick to open.</summary>
/// <remarks>Whatever a cap leaves out is counted in the section (its <c>NotShown</c>), never silently dropped.</remarks>
public sealed record ReportLimits
{
    /// <summary>The default limits.</summary>
    public static ReportLimits Default { get; } = new();

    /// <summary>Most workers drawn in the accuracy and speed scatter.</summary>
    /// <value>2,000.</value>
    public int MaxScatterPoints { get; init; } = 2_000;

    /// <summary>Most flagged workers listed.</summary>
    /// <value>100.</value>
    public int MaxFlaggedWorkers { get; init; } = 100;

    /// <summary>Most rows of the other tables (task types, cohorts, disputed gold, scorecard).</summary>
    /// <value>50.</value>
    public int MaxTableRows { get; init; } = 50;

    /// <summary>Most rings listed.</summary>
    /// <value>50.</value>
    public int MaxRings { get; init; } = 50;

    /// <summary>Workers who get their own confusion matrix (the busiest).</summary>
    /// <value>6.</value>
    public int ConfusionWorkers { get; init; } = 6;

    /// <summary>Most labels drawn in a confusion matrix or a stack of label shares; the rest are pooled.</summary>
    /// <value>10.</value>
    public int MaxChartLabels { get; init; } = 10;

    /// <summary>Most drift windows listed (the latest).</summary>
    /// <value>366.</value>
    public int MaxWindows { get; init; } = 366;

    /// <summary>Bins of the hourly pay histogram.</summary>
    /// <value>20.</value>
    public int PayBins { get; init; } = 20;

    /// <summary>The fewest gold answers a worker needs to enter the gold pass histogram.</summary>
    /// <value>3.</value>
    public int MinGoldAnswers { get; init; } = 3;

    /// <summary>The problems with these limits (every one must be positive); empty when they are valid.</summary>
    /// <returns>One sentence per problem.</returns>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        Positive(MaxScatterPoints, nameof(MaxScatterPoints));
        Positive(MaxFlaggedWorkers, nameof(MaxFlaggedWorkers));
        Positive(MaxTableRows, nameof(MaxTableRows));
        Positive(MaxRings, nameof(MaxRings));
        Positive(ConfusionWorkers, nameof(ConfusionWorkers));
        Positive(MaxChartLabels, nameof(MaxChartLabels));
        Positive(MaxWindows, nameof(MaxWindows));
        Positive(PayBins, nameof(PayBins));
        Positive(MinGoldAnswers, nameof(MinGoldAnswers));
        return problems;

        void Positive(int value, string name)
        {
            if (value < 1)
            {
                problems.Add($"{name} must be at least 1 (was {value}).");
            }
        }
    }
}
