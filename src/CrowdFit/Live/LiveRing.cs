namespace CrowdFit.Live;

/// <summary>A group of workers the detectors found acting together at a re-estimation (SPEC D9).</summary>
/// <param name="Id">Number of the ring in its re-estimation, from 1.</param>
/// <param name="Workers">Worker ids of the members, in ordinal order.</param>
/// <param name="Evidence">Per member, in the order of <paramref name="Workers"/>, what ties it to the ring (for example "copies w12's wrong answers 31 of 33 times").</param>
/// <param name="PValue">Probability that honest workers show ties this strong by chance, in [0, 1].</param>
public sealed record LiveRing(int Id, IReadOnlyList<string> Workers, IReadOnlyList<string> Evidence, double PValue);
