namespace CrowdFit.Service.Findings;

/// <summary>A group of workers the detectors found acting together (SPEC D9).</summary>
/// <param name="Id">Number of the ring in its re-estimation, from 1.</param>
/// <param name="PValue">Probability that honest workers show ties this strong by chance.</param>
/// <param name="Members">The members by worker id, with the evidence against each.</param>
public sealed record RingDto(int Id, double PValue, IReadOnlyList<RingMemberDto> Members);
