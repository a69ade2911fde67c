using CrowdFit.Answers;

namespace CrowdFit.Agreement;

/// <summary>
/// Fleiss' kappa: agreement among many raters on a nominal scale, corrected for the agreement expected by
/// chance, generalised to a varying number of answers per task.
/// </summary>
/// <remarks>
/// <para>
/// Fleiss (1971), "Measuring nominal scale agreement among many raters", Psychological Bulletin 76(5),
/// assumes every item is rated by the same number of raters n. A crowd log has a varying number, so this uses
/// the standard generalisation for unequal raters per item: with n_i answers on task i and n_ij of them of
/// class j,
/// P_i = Σ_j n_ij(n_ij − 1) / (n_i(n_i − 1)) (the share of agreeing ordered answer pairs on task i),
/// P̄ = (1/N) Σ_i P_i over the N tasks with n_i ≥ 2 (tasks with fewer answers have no pair and are skipped),
/// p_j = Σ_i n_ij / Σ_i n_i over the same tasks,
/// P̄e = Σ_j p_j², and κ = (P̄ − P̄e) / (1 − P̄e).
/// When every n_i = n this is Fleiss' formula term for term: P_i = (Σ_j n_ij² − n) / (n(n − 1)) and
/// p_j = Σ_i n_ij / (N n).
/// </para>
/// <para>
/// Every answer counts as one rating, so a worker who answered a task twice counts as two raters on it.
/// Empty input is not an error: with no task used every statistic is <see cref="double.NaN"/>
/// (see <see cref="FleissKappaResult"/>).
/// </para>
/// </remarks>
public static class FleissKappa
{
    /// <summary>Fleiss' kappa over all answers of <paramref name="answers"/>.</summary>
    /// <param name="answers">The answer log.</param>
    /// <returns>κ with its parts; NaN statistics when no task has two answers.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="answers"/> is null.</exception>
    public static FleissKappaResult Compute(AnswerSet answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return Run(answers, []);
    }

    /// <summary>
    /// Fleiss' kappa over the answers whose <paramref name="include"/> entry is true: by project, cohort or
    /// time window, without building a new <see cref="AnswerSet"/>. The result equals
    /// <see cref="Compute(AnswerSet)"/> on <c>answers.Where(include)</c>; a task counts only if at least two
    /// of its included answers remain.
    /// </summary>
    /// <param name="answers">The answer log.</param>
    /// <param name="include">One entry per answer, in answer order (<see cref="AnswerSet.Count"/> entries).</param>
    /// <returns>κ with its parts; NaN statistics when no task has two included answers.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="answers"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="include"/> does not have one entry per answer.</exception>
    public static FleissKappaResult Compute(AnswerSet answers, ReadOnlySpan<bool> include)
    {
        ArgumentNullException.ThrowIfNull(answers);
        PairTally.CheckInclude(answers, include);
        return Run(answers, include);
    }

    private static FleissKappaResult Run(AnswerSet answers, ReadOnlySpan<bool> include)
    {
        var classes = answers.ClassCount;
        Span<int> totals = classes <= PairTally.StackClasses ? stackalloc int[PairTally.StackClasses] : new int[classes];
        var tally = PairTally.Count(answers, include, totals);
        var proportions = new double[classes];
        if (tally.Tasks == 0)
        {
            proportions.AsSpan().Fill(double.NaN);
            return new FleissKappaResult(double.NaN, double.NaN, double.NaN, proportions, 0, 0);
        }

        double n = tally.Answers;
        for (var j = 0; j < classes; j++)
        {
            proportions[j] = totals[j] / n;
        }

        var observed = tally.SumPairShare / tally.Tasks;
        var expected = tally.SumSquaredTotals / (n * n);
        var kappa = tally.SingleClass ? double.NaN : (observed - expected) / (1 - expected);
        return new FleissKappaResult(kappa, observed, expected, proportions, tally.Tasks, tally.Answers);
    }
}
