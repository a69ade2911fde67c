namespace CrowdFit.Operations;

/// <summary>Agreement and label distribution by time window, with the windows that drifted (SPEC G3).</summary>
/// <remarks>See <see cref="Drift"/> for how windows are cut and tested.</remarks>
public sealed record DriftReport
{
    /// <summary>Why the analysis stepped aside (no submit times); <see langword="null"/> when it ran.</summary>
    public string? SkippedBecause { get; init; }

    /// <summary>Whether the analysis ran (it did not step aside).</summary>
    public bool Ran => SkippedBecause is null;

    /// <summary>The labels, indexed by class index, as in <see cref="DriftWindow.LabelCounts"/>.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>The windows in time order; empty when the analysis stepped aside.</summary>
    public IReadOnlyList<DriftWindow> Windows { get; init; } = [];

    /// <summary>The alerts, by window and then label distribution before agreement.</summary>
    public IReadOnlyList<DriftAlert> Alerts { get; init; } = [];

    /// <summary>Windows tested against a baseline: all but the first; the Bonferroni factor of every p-value.</summary>
    public int WindowsTested { get; init; }

    /// <summary>
    /// How much less a window's label counts tell than independent answers would, because a task's answers share
    /// its true label: the Rao–Scott factor the chi-square statistic was divided by, at least 1 (see <see cref="Drift"/>).
    /// </summary>
    /// <value>1 when the analysis stepped aside.</value>
    public double LabelDesignEffect { get; init; } = 1;

    /// <summary>The same factor for agreement, by which the z test's variance was multiplied; at least 1.</summary>
    /// <value>1 when the analysis stepped aside.</value>
    public double AgreementDesignEffect { get; init; } = 1;

    /// <summary>Answers in the log.</summary>
    public int Answers { get; init; }

    /// <summary>Answers without a usable submit time, left out of every window.</summary>
    public int UntimedAnswers { get; init; }
}
