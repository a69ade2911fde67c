namespace CrowdFit.Agreement;

/// <summary>The outcome of <see cref="FleissKappa"/>.</summary>
/// <param name="Kappa">
/// κ = (P̄ − P̄e) / (1 − P̄e): 1 for perfect agreement, about 0 for agreement at chance level, negative below
/// it. <see cref="double.NaN"/> when no task is used, and when every answer used is of one class (then
/// P̄ = P̄e = 1 and the ratio is 0/0: with no variation, agreement cannot be told apart from chance).
/// </param>
/// <param name="ObservedAgreement">
/// P̄, the mean over the tasks used of P_i = Σ_j n_ij(n_ij − 1) / (n_i(n_i − 1)), the share of agreeing
/// ordered answer pairs on task i; in [0, 1]. <see cref="double.NaN"/> when no task is used.
/// </param>
/// <param name="ExpectedAgreement">
/// P̄e = Σ_j p_j², the agreement expected by chance; in (0, 1]. <see cref="double.NaN"/> when no task is used.
/// </param>
/// <param name="CategoryProportions">
/// p_j, indexed by class index: the share of the answers on the tasks used that are of class j. Every entry is
/// <see cref="double.NaN"/> when no task is used.
/// </param>
/// <param name="TasksUsed">Tasks with at least two included answers.</param>
/// <param name="AnswersUsed">Included answers on the tasks used.</param>
public sealed record FleissKappaResult(
    double Kappa,
    double ObservedAgreement,
    double ExpectedAgreement,
    ReadOnlyMemory<double> CategoryProportions,
    int TasksUsed,
    int AnswersUsed);
