namespace CrowdFit.Reports;

/// <summary>A row-normalised confusion matrix: rows are the inferred label, columns the label given.</summary>
/// <param name="Name">Whose matrix it is: "crowd" for the pooled one, else a worker id.</param>
/// <param name="Answers">Answers counted.</param>
/// <param name="RowAnswers">Answers per row (per inferred label).</param>
/// <param name="Shares">
/// <c>Shares[k][l]</c>: share of the answers on tasks inferred as label k that gave label l; each non-empty row
/// sums to 1. A row without answers is all <see langword="null"/>.
/// </param>
public sealed record ConfusionMatrix(string Name, int Answers, IReadOnlyList<int> RowAnswers, IReadOnlyList<IReadOnlyList<double?>> Shares);
