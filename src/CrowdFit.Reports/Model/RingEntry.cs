namespace CrowdFit.Reports;

/// <summary>One group of workers acting together.</summary>
/// <param name="Id">Ring number, from 1.</param>
/// <param name="Members">Worker ids.</param>
/// <param name="Evidence">The evidence, one line per piece.</param>
/// <param name="PValue">The ring's p-value.</param>
public sealed record RingEntry(int Id, IReadOnlyList<string> Members, IReadOnlyList<string> Evidence, double PValue);
