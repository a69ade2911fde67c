namespace CrowdFit.Fraud.Behaviour;

public sealed partial class SpamState
{
    /// <summary>
    /// The p-value of the change scan: the chance that an honest worker's smallest run p-value over the tested run
    /// lengths is at most <paramref name="best"/>, by the Hunter–Worsley bound along the chain of run lengths.
    /// </summary>
    /// <param name="best">The smallest run p-value.</param>
    /// <param name="lengths">The run lengths tested, ascending.</param>
    /// <param name="n">The answers in the history.</param>
    /// <param name="spread">Spread σ of honest skill; 0 or NaN drops the population from the correlations (the safe side).</param>
    /// <param name="answerVariance">Variance v of one answer's share of κ̂ (n times the whole history's squared standard error).</param>
    /// <remarks>
    /// <para>
    /// With A_j the event that run j's p-value is at most <paramref name="best"/> (each of chance at most
    /// <paramref name="best"/>), P(∪ A_j) ≤ Σ P(A_j) − Σ P(A_{j−1} ∩ A_j) = best + Σ_{j≥2} P(A_j \ A_{j−1})
    /// (Hunter 1976; Worsley 1982), with each run's p-value read as the upper tail of a standard normal Z_j.
    /// Unlike Bonferroni, the bound hardly grows as the grid of lengths is refined, so the scan can test runs that
    /// start within an answer or two of the change: a run that starts too early mixes good answers into the spam,
    /// and one that starts too late leaves spam among the earlier answers the run is judged against; both blunt
    /// the contrast. Never above the Bonferroni bound (the number of lengths times <paramref name="best"/>) nor 1.
    /// </para>
    /// <para>
    /// The correlations are those of the normal random-effects approximation of the run test: an honest worker's
    /// skill κ ~ N(μ, σ²), each answer adding noise of variance v, and the run of the last L answers judged by
    /// Z_L = ((1 − β)(κ − μ) + ē_later − β ē_earlier) / s_L, where β = σ² / (σ² + v / (n − L)) shrinks the earlier
    /// answers' skill towards the population's. For L₁ &lt; L₂ the covariance of the numerators is
    /// (1 − β₁)(1 − β₂)σ² + v / L₂ − β₁ (L₂ − L₁) v / ((n − L₁) L₂) + β₁β₂ v / (n − L₁). Without the population
    /// (σ → ∞) this is the standardised Brownian bridge, ρ = √(L₁(n − L₂) / (L₂(n − L₁))), the smallest the
    /// correlation can be, and a smaller correlation only raises the bound (Slepian 1962).
    /// </para>
    /// </remarks>
    internal static double ScanP(double best, IReadOnlyList<int> lengths, int n, double spread, double answerVariance)
    {
        var bonferroni = Math.Min(1, lengths.Count * best);
        if (lengths.Count <= 1 || !(best < 0.5))
        {
            return bonferroni;
        }

        var z = Tails.NormalUpperInverse(best);
        var bound = best;
        for (var j = 1; j < lengths.Count && bound < bonferroni; j++)
        {
            bound += Tails.NormalUpperNotBefore(z, RunCorrelation(lengths[j - 1], lengths[j], n, spread, answerVariance));
        }

        return Math.Min(bonferroni, bound);
    }

    /// <summary>The correlation of the run tests of the last <paramref name="shorter"/> and the last <paramref name="longer"/> of <paramref name="n"/> answers (see <see cref="ScanP"/>).</summary>
    internal static double RunCorrelation(int shorter, int longer, int n, double spread, double answerVariance)
    {
        double l1 = shorter, l2 = longer, e1 = n - shorter, e2 = n - longer;
        var bridge = Math.Sqrt(l1 * e2 / (l2 * e1));
        if (!(spread > 0) || !(answerVariance > 0) || double.IsInfinity(spread))
        {
            return bridge;
        }

        var s2 = spread * spread;
        var v = answerVariance;
        var b1 = s2 / (s2 + (v / e1));
        var b2 = s2 / (s2 + (v / e2));
        var covariance = ((1 - b1) * (1 - b2) * s2) + (v / l2) - (b1 * (l2 - l1) * v / (e1 * l2)) + (b1 * b2 * v / e1);
        var variance1 = (s2 * (v / e1) / (s2 + (v / e1))) + (v / l1);
        var variance2 = (s2 * (v / e2) / (s2 + (v / e2))) + (v / l2);
        var rho = covariance / Math.Sqrt(variance1 * variance2);
        return double.IsFinite(rho) ? Math.Clamp(rho, bridge, 1) : bridge;
    }
}
