namespace CrowdFit.Truth;

/// <summary>The outcome of <see cref="OneCoinDawidSkene"/>: the truth result plus each worker's skill.</summary>
/// <param name="Truth">Posteriors and worker estimates (whose confusion matrices are the one-coin ones).</param>
/// <param name="Skills">
/// Skill of each worker, indexed by worker: the probability that it answers rightly, estimated as the mean
/// posterior probability of its answers. <see cref="double.NaN"/> for a worker with no answers.
/// </param>
public sealed record OneCoinDawidSkeneResult(TruthResult Truth, ReadOnlyMemory<double> Skills);
