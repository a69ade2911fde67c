namespace CrowdFit.Fraud;

/// <summary>One fraud or error detector: reads a <see cref="WorkLog"/> and reports evidence per worker and per answer.</summary>
/// <remarks>
/// Detectors speak one common language so that <see cref="FraudScoring"/> can combine them and hold a false
/// positive rate: a <em>p-value</em>, the probability that an honest worker (or an honest answer) shows
/// evidence at least this strong. Small means suspicious; 1 means no evidence. A detector that cannot run on a
/// log (a column it needs is missing) returns <see cref="DetectorReport.Skipped"/> with the reason.
/// </remarks>
public interface IFraudDetector
{
    /// <summary>Short stable name used in reasons and reports (for example <c>time-theft</c>).</summary>
    string Name { get; }

    /// <summary>
    /// Whether the report depends on the truth estimate in the log. A detector that reads only times, places,
    /// gold or rules says <see langword="false"/>, and <see cref="FraudAnalysis"/> keeps its first report in
    /// later rounds instead of running it again on the same evidence.
    /// </summary>
    bool ReadsTruth => true;

    /// <summary>Runs the detector.</summary>
    /// <param name="log">The log, with the current truth estimate.</param>
    /// <returns>The evidence found.</returns>
    DetectorReport Run(WorkLog log);
}
