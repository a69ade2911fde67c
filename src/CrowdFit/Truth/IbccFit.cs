namespace CrowdFit.Truth;

/// <summary>What an <see cref="Ibcc"/> fit ends with, before worker estimates are measured from it.</summary>
/// <param name="Posterior">Task-major posteriors, tasks × classes.</param>
/// <param name="Prior">The posterior mean class proportions.</param>
/// <param name="Counts">The expected counts of the last pass, laid out as <see cref="TaskSweep.Counts"/>.</param>
/// <param name="Iterations">Variational iterations run.</param>
/// <param name="Converged">Whether the lower bound stopped rising before the iteration limit.</param>
internal readonly record struct IbccFit(double[] Posterior, double[] Prior, double[] Counts, int Iterations, bool Converged);
