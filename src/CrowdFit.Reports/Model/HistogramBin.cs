namespace CrowdFit.Reports;

/// <summary>One bin of a histogram: values in [<see cref="From"/>, <see cref="To"/>).</summary>
/// <param name="From">Lower edge, included.</param>
/// <param name="To">Upper edge, excluded (the last bin of a closed range includes it); <see langword="null"/> for an open last bin that takes every larger value.</param>
/// <param name="Count">Values in the bin.</param>
public sealed record HistogramBin(double From, double? To, int Count);
