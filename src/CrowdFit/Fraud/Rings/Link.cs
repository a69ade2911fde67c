namespace CrowdFit.Fraud.Rings;

/// <summary>A tested tie between two workers.</summary>
/// <param name="First">The lower worker index.</param>
/// <param name="Second">The higher worker index.</param>
/// <param name="P">Link p-value, corrected for every pair tested.</param>
/// <param name="Pair">Index of the pair's behaviour evidence, or -1 when only a shared device ties them.</param>
internal readonly record struct Link(int First, int Second, double P, int Pair);
