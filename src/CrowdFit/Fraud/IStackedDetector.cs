namespace CrowdFit.Fraud;

/// <summary>
/// A detector that reads the other detectors' reports as well as the log: a model learned over their
/// evidence. It runs after every <see cref="IFraudDetector"/> of the round and speaks the same p-value language.
/// </summary>
public interface IStackedDetector
{
    /// <summary>Short stable name used in reasons and reports.</summary>
    string Name { get; }

    /// <summary>Runs the detector.</summary>
    /// <param name="log">The log, with the current truth estimate.</param>
    /// <param name="evidence">The reports of the other detectors in this round, skipped ones included.</param>
    /// <returns>The evidence found.</returns>
    DetectorReport Run(WorkLog log, IReadOnlyList<DetectorReport> evidence);
}
