using CrowdFit.Fraud;
using CrowdFit.Quality;
using CrowdFit.Routing;

namespace CrowdFit.Live;

/// <summary>Settings of one live project: its labels, quality limit, detectors and how often the models are re-estimated.</summary>
public sealed record LiveProjectOptions
{
    /// <summary>The label set (at least two distinct labels).</summary>
    public required IReadOnlyList<string> Labels { get; init; }

    /// <summary>The quality limit and the answer budget per task.</summary>
    public AqlOptions Quality { get; init; } = new();

    /// <summary>Who may work on the project (qualifications, minimum predicted accuracy, regions).</summary>
    public WorkerRequirements Requirements { get; init; } = WorkerRequirements.None;

    /// <summary>Settings of the skill model behind routing and the minimum-accuracy requirement.</summary>
    public SkillModelOptions Skills { get; init; } = SkillModelOptions.Default;

    /// <summary>
    /// Answers between re-estimations of the models (truth, worker confusion, skills, detectors); the gap also
    /// grows with the log, to <see cref="RefitGrowth"/> of the answers so far, so the cost stays linear.
    /// </summary>
    public int RefitEvery { get; init; } = 500;

    /// <summary>Share of the answers so far that may arrive before the next re-estimation, when that is more than <see cref="RefitEvery"/>.</summary>
    public double RefitGrowth { get; init; } = 0.1;

    /// <summary>
    /// Whether re-estimation runs on a background thread (a service) while answers keep being decided with
    /// the previous models, or inline at the answer that triggers it (deterministic; simulations and tests).
    /// </summary>
    public bool Background { get; init; }

    /// <summary>Whether the fraud detectors run at each re-estimation; their flagged workers' answers are rejected.</summary>
    public bool Detectors { get; init; } = true;

    /// <summary>The detectors run at each re-estimation: by default those sound under routing (<see cref="FraudDetectors.ForRouted"/>).</summary>
    public IReadOnlyList<IFraudDetector> DetectorSet { get; init; } = FraudDetectors.ForRouted();

    /// <summary>
    /// Supplies learned detectors (such as a model trained on analysts' decisions) for each re-estimation; they read
    /// the other detectors' reports. Null (the default) runs none.
    /// </summary>
    public IStackedDetectorSource? StackedDetectors { get; init; }

    /// <summary>Settings of the detectors' pass; one round by default (the live loop re-estimates often).</summary>
    public FraudAnalysisOptions Analysis { get; init; } = new() { Rounds = 1 };

    /// <summary>
    /// Pseudo-answers per row with which each worker's confusion matrix is drawn toward the crowd's pooled one
    /// at a re-estimation (empirical Bayes). Also the prior of workers first seen after it.
    /// </summary>
    public double WorkerPriorStrength { get; init; } = 4;

    /// <summary>
    /// Pseudo-counts of the fixed prior on confusion rows: <see cref="CorrectPseudoCount"/> on the right
    /// label and <see cref="ErrorPseudoCount"/> on each wrong one (as in IBCC). It is every worker's matrix
    /// before the first re-estimation, and the prior of the crowd's pooled matrix after.
    /// </summary>
    public double CorrectPseudoCount { get; init; } = 6;

    /// <summary>Prior pseudo-count of each wrong label in a worker's confusion row.</summary>
    public double ErrorPseudoCount { get; init; } = 1;

    /// <summary>How many ordinary answers one gold (control) answer counts for in the skill model.</summary>
    public double GoldWeight { get; init; } = 3;

    /// <summary>
    /// Answers after which an answer counts half as much in a worker's predicted accuracy (routing and the
    /// minimum-accuracy requirement), so the prediction follows a worker who changes.
    /// </summary>
    public double SkillHalfLife { get; init; } = 200;

    /// <summary>Fraud probability above which a worker may not answer alone (1+0) even when not flagged.</summary>
    public double TrustRisk { get; init; } = 0.5;

    /// <summary>Seed of the audit sample of single-answer acceptances.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Every setting that is out of range, one sentence each; empty when all are valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>(Quality?.Problems() ?? ["Quality must be set."]);
        if (Labels is null || Labels.Count < 2 || Labels.Distinct(StringComparer.Ordinal).Count() != Labels.Count || Labels.Any(string.IsNullOrEmpty))
        {
            problems.Add("Labels must hold at least two distinct, non-empty labels.");
        }

        if (RefitEvery < 1)
        {
            problems.Add($"RefitEvery must be at least 1 (was {RefitEvery}).");
        }

        if (!(RefitGrowth >= 0))
        {
            problems.Add($"RefitGrowth must not be negative (was {RefitGrowth}).");
        }

        if (!(CorrectPseudoCount > 0) || !(ErrorPseudoCount > 0))
        {
            problems.Add("CorrectPseudoCount and ErrorPseudoCount must be positive.");
        }

        if (!(WorkerPriorStrength > 0))
        {
            problems.Add($"WorkerPriorStrength must be positive (was {WorkerPriorStrength}).");
        }

        if (!(SkillHalfLife > 0))
        {
            problems.Add($"SkillHalfLife must be positive (was {SkillHalfLife}).");
        }

        if (!(GoldWeight > 0))
        {
            problems.Add($"GoldWeight must be positive (was {GoldWeight}).");
        }

        if (!(TrustRisk is >= 0 and <= 1))
        {
            problems.Add($"TrustRisk must be in [0, 1] (was {TrustRisk}).");
        }

        problems.AddRange(Requirements?.Problems() ?? ["Requirements must be set."]);
        problems.AddRange(Skills?.Problems() ?? ["Skills must be set."]);
        if (DetectorSet is null)
        {
            problems.Add("DetectorSet must be set (it may be empty).");
        }

        problems.AddRange(Analysis?.Problems() ?? ["Analysis must be set."]);
        return problems;
    }
}
