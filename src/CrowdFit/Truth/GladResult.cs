namespace CrowdFit.Truth;

/// <summary>The outcome of <see cref="Glad"/>: the truth result plus the fitted abilities and difficulties.</summary>
/// <param name="Truth">Posteriors and worker estimates.</param>
/// <param name="Alphas">
/// Ability α of each worker, indexed by worker: positive for workers better than chance, negative for
/// adversarial ones, near the prior mean for workers with few answers.
/// </param>
/// <param name="Betas">
/// Log inverse difficulty β of each task, indexed by task: the chance that worker w answers task t rightly
/// is σ(α_w · exp(β_t)), so a larger β is an easier task.
/// </param>
public sealed record GladResult(TruthResult Truth, ReadOnlyMemory<double> Alphas, ReadOnlyMemory<double> Betas);
