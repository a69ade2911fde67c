namespace CrowdFit.Live;

/// <summary>The rings found by the last re-estimation of a <see cref="LiveProject"/>, with the model they belong to.</summary>
/// <param name="ModelVersion">The re-estimation that found them (<see cref="LiveProject.ModelVersion"/>); 0 before the first.</param>
/// <param name="Searched">
/// Whether a ring detector ran at that re-estimation: false before the first one, when the project's detectors are
/// off or include no <see cref="CrowdFit.Fraud.Rings.RingDetector"/>, and when the log had too little for it (no
/// finished task, or under two workers).
/// </param>
/// <param name="Rings">The rings, numbered from 1; empty when none was found or the detector did not run.</param>
public sealed record LiveRings(int ModelVersion, bool Searched, IReadOnlyList<LiveRing> Rings);
