namespace CrowdFit.Agreement;

/// <summary>The outcome of <see cref="KrippendorffAlpha"/>.</summary>
/// <param name="Alpha">
/// α = 1 − D_o / D_e: 1 for perfect agreement, about 0 when agreement is at chance level, negative below it.
/// <see cref="double.NaN"/> when there are no pairable values, and when every pairable value is of one class
/// (then D_o = D_e = 0 and Krippendorff leaves α undefined: with no variation, reliability cannot be assessed).
/// </param>
/// <param name="ObservedDisagreement">
/// D_o = (1/n) Σ_{c≠k} o_ck = (n − Σ_c o_cc) / n, in [0, 1]. <see cref="double.NaN"/> when there are no
/// pairable values.
/// </param>
/// <param name="ExpectedDisagreement">
/// D_e = Σ_{c≠k} n_c n_k / (n(n − 1)) = (n² − Σ_c n_c²) / (n(n − 1)), in [0, 1].
/// <see cref="double.NaN"/> when there are no pairable values.
/// </param>
/// <param name="CategoryTotals">
/// n_c, indexed by class index: the pairable values of class c, which are the marginals of the coincidence
/// matrix. All zero when there are no pairable values.
/// </param>
/// <param name="UnitsUsed">Units (tasks) with at least two included values.</param>
/// <param name="PairableValues">n, the number of included values on the units used.</param>
public sealed record KrippendorffAlphaResult(
    double Alpha,
    double ObservedDisagreement,
    double ExpectedDisagreement,
    ReadOnlyMemory<int> CategoryTotals,
    int UnitsUsed,
    int PairableValues);
