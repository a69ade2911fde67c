using CrowdFit.Truth;

namespace CrowdFit.Fraud;

/// <summary>The outcome of <see cref="FraudAnalysis.Run"/>.</summary>
/// <param name="Truth">Truth inferred without the flagged answers, over every task (the labels to deliver).</param>
/// <param name="Workers">Each worker's fitness measured against <paramref name="Truth"/> on all of the worker's answers.</param>
/// <param name="Log">The log as the detectors saw it in the last round.</param>
/// <param name="Reports">Each detector's report from the last round, skipped ones included.</param>
/// <param name="Scores">Combined fraud probabilities, flags and reasons.</param>
public sealed record FraudAnalysisResult(TruthResult Truth, IReadOnlyList<WorkerEstimate> Workers, WorkLog Log, IReadOnlyList<DetectorReport> Reports, FraudScores Scores)
{
    /// <summary>Every ring the detectors found in the last round, numbered from 1 across detectors.</summary>
    public IReadOnlyList<Ring> Rings => [.. Reports.Where(r => r.Ran).SelectMany(r => r.Rings).Select((ring, i) => ring with { Id = i + 1 })];
}
