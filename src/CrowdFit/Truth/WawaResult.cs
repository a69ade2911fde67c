namespace CrowdFit.Truth;

/// <summary>The outcome of <see cref="Wawa"/>: the truth result plus the skill weights used in the vote.</summary>
/// <param name="Truth">Posteriors and worker estimates.</param>
/// <param name="Skills">
/// Skill of each worker, indexed by worker: the share of its answers that agree with the majority-vote
/// label. <see cref="double.NaN"/> for a worker with no answers.
/// </param>
public sealed record WawaResult(TruthResult Truth, ReadOnlyMemory<double> Skills);
