namespace CrowdFit.Reports;

/// <summary>Whether one detector ran, and how many flagged workers it gave a reason for.</summary>
/// <param name="Detector">Name of the detector.</param>
/// <param name="Ran">Whether it ran on this log.</param>
/// <param name="SkippedBecause">Why it did not run; <see langword="null"/> when it ran.</param>
/// <param name="FlaggedWorkers">
/// Flagged workers among whose reasons the detector is: its own p-value passed the per-detector threshold
/// (the false positive rate over the number of detectors that ran). 0 when it did not run.
/// </param>
public sealed record DetectorStatus(string Detector, bool Ran, string? SkippedBecause, int FlaggedWorkers);
