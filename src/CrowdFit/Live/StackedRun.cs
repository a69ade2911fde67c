using CrowdFit.Fraud;

namespace CrowdFit.Live;

/// <summary>What the stacked (learned) detectors reported at the re-estimation behind a model.</summary>
/// <param name="ModelVersion">The model version the re-estimation produced (0: none yet).</param>
/// <param name="Reports">One report per stacked detector, skipped ones included (see <see cref="DetectorReport.SkippedBecause"/>); empty when none ran.</param>
public sealed record StackedRun(int ModelVersion, IReadOnlyList<DetectorReport> Reports);
