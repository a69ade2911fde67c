using CrowdFit.Answers;

namespace CrowdFit.Agreement;

/// <summary>
/// Krippendorff's alpha for nominal data: reliability of coding with any number of coders per unit and
/// missing values, which is the shape of a crowd log (units are tasks, coders are workers, values are labels).
/// </summary>
/// <remarks>
/// <para>
/// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C (nominal data, any number of
/// observers, missing data). Only pairable values count: those on units u with m_u ≥ 2 values. The coincidence
/// matrix is o_ck = Σ_u (number of ordered pairs of values (c, k) on u from different answers) / (m_u − 1),
/// with marginals n_c = Σ_k o_ck (the pairable values of class c) and n = Σ_c n_c. For the nominal metric
/// (δ_ck = 0 when c = k, 1 otherwise) only its diagonal o_cc = Σ_u n_uc(n_uc − 1) / (m_u − 1) and its
/// marginals are needed, so the matrix is never built:
/// D_o = (1/n) Σ_{c≠k} o_ck = (n − Σ_c o_cc) / n,
/// D_e = (1 / (n(n − 1))) Σ_{c≠k} n_c n_k = (n² − Σ_c n_c²) / (n(n − 1)), and α = 1 − D_o / D_e.
/// This keeps the cost at O(answers + classes) whatever the number of classes.
/// </para>
/// <para>
/// Every answer counts as one value, so a worker who answered a task twice contributes two values to it.
/// Empty input is not an error: with no pairable values α, D_o and D_e are <see cref="double.NaN"/>
/// (see <see cref="KrippendorffAlphaResult"/>).
/// </para>
/// </remarks>
public static class KrippendorffAlpha
{
    /// <summary>Nominal alpha over all answers of <paramref name="answers"/>.</summary>
    /// <param name="answers">The answer log.</param>
    /// <returns>α with D_o, D_e and the coincidence marginals; NaN when no task has two answers.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="answers"/> is null.</exception>
    public static KrippendorffAlphaResult Nominal(AnswerSet answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return Run(answers, []);
    }

    /// <summary>
    /// Nominal alpha over the answers whose <paramref name="include"/> entry is true: by project, cohort or time
    /// window, without building a new <see cref="AnswerSet"/>. The result equals <see cref="Nominal(AnswerSet)"/>
    /// on <c>answers.Where(include)</c>; a unit is pairable only if at least two of its included values remain.
    /// </summary>
    /// <param name="answers">The answer log.</param>
    /// <param name="include">One entry per answer, in answer order (<see cref="AnswerSet.Count"/> entries).</param>
    /// <returns>α with D_o, D_e and the coincidence marginals; NaN when no task has two included answers.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="answers"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="include"/> does not have one entry per answer.</exception>
    public static KrippendorffAlphaResult Nominal(AnswerSet answers, ReadOnlySpan<bool> include)
    {
        ArgumentNullException.ThrowIfNull(answers);
        PairTally.CheckInclude(answers, include);
        return Run(answers, include);
    }

    private static KrippendorffAlphaResult Run(AnswerSet answers, ReadOnlySpan<bool> include)
    {
        var totals = new int[answers.ClassCount];
        var tally = PairTally.Count(answers, include, totals);
        if (tally.Tasks == 0)
        {
            return new KrippendorffAlphaResult(double.NaN, double.NaN, double.NaN, totals, 0, 0);
        }

        double n = tally.Answers;
        var observed = (n - tally.SumCoincidence) / n;
        var expected = (((long)tally.Answers * tally.Answers) - tally.SumSquaredTotals) / (n * (n - 1));
        var alpha = tally.SingleClass ? double.NaN : 1 - (observed / expected);
        return new KrippendorffAlphaResult(alpha, observed, expected, totals, tally.Tasks, tally.Answers);
    }
}
