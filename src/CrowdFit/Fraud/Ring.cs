namespace CrowdFit.Fraud;

/// <summary>A group of workers acting together (SPEC D9), with the evidence against each member.</summary>
/// <param name="Id">Number of the ring in its report, from 1.</param>
/// <param name="Workers">Dense worker ids of the members, ascending.</param>
/// <param name="Evidence">Per member, in the order of <paramref name="Workers"/>, what ties it to the ring (for example "shares device d-17 with 4 members; copies w12's wrong answers 31 of 33 times").</param>
/// <param name="PValue">Probability that honest workers show ties this strong by chance.</param>
public sealed record Ring(int Id, IReadOnlyList<int> Workers, IReadOnlyList<string> Evidence, double PValue);
