namespace CrowdFit.Fraud;

/// <summary>How <see cref="FraudScoring"/> combines detectors and where it sets thresholds.</summary>
public sealed record FraudScoringOptions
{
    /// <summary>The default options.</summary>
    public static FraudScoringOptions Default { get; } = new();

    /// <summary>Target share of honest workers flagged.</summary>
    /// <value>0.01. Must be in (0, 0.5].</value>
    /// <remarks>
    /// A worker is flagged when the smallest of its detector p-values, times the number of detectors that
    /// ran, is at most this (Bonferroni); when the detectors' p-values hold for honest workers, at most this
    /// share of them is flagged, whatever the share of fraud.
    /// </remarks>
    public double FalsePositiveRate { get; init; } = 0.01;

    /// <summary>Target share of honest answers flagged; the answer-level counterpart of <see cref="FalsePositiveRate"/>.</summary>
    /// <value>0.01. Must be in (0, 0.5].</value>
    public double AnswerFalsePositiveRate { get; init; } = 0.01;

    /// <summary>Smallest share of fraud assumed when turning p-values into probabilities.</summary>
    /// <value>0.01. Must be in (0, 0.5].</value>
    /// <remarks>The share itself is estimated from the p-values (Storey's π₀); this floor keeps a clean log from claiming no fraud is possible.</remarks>
    public double MinimumFraudShare { get; init; } = 0.01;

    /// <summary>Lists every problem with these options; empty when they are valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        List<string> problems = [];
        CheckShare(problems, nameof(FalsePositiveRate), FalsePositiveRate);
        CheckShare(problems, nameof(AnswerFalsePositiveRate), AnswerFalsePositiveRate);
        CheckShare(problems, nameof(MinimumFraudShare), MinimumFraudShare);
        return problems;
    }

    private static void CheckShare(List<string> problems, string name, double value)
    {
        if (!(value > 0 && value <= 0.5))
        {
            problems.Add($"{name} must be in (0, 0.5]; got {value}.");
        }
    }
}
