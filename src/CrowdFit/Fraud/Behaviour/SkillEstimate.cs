namespace CrowdFit.Fraud.Behaviour;

/// <summary>
/// The chance-corrected skill of a run of answers and the noise of that estimate.
/// </summary>
/// <remarks>
/// <para>
/// Model: with probability κ the worker gives the true label (drawn from the leave-self-out posterior P),
/// otherwise a label drawn from its own habitual shares f (its smoothed label shares), whatever the task.
/// κ = 0 is a spammer in the sense of Raykar &amp; Yu (2012): its answers do not depend on the truth, whether it
/// clicks at random, always gives one label, or cycles. With Q = Σᵢ P_i[l_i] (expected agreement),
/// C = Σᵢ c_i, c_i = Σₖ f_k P_i[k] (agreement expected by chance) and S2 = Σᵢ s_i, s_i = Σₖ P_i[k]²
/// (agreement of a perfect worker), κ̂ = (Q − C) / (S2 − C) is unbiased under the model: Cohen's κ against
/// a soft truth. For a one-coin worker it equals Raykar &amp; Yu's spammer score written with the
/// total-variation distance between confusion rows.
/// </para>
/// <para>
/// Noise: Var(Q | κ) = Σᵢ Var(P_i[l_i]) = κ·ΣᵢΣₖP_i[k]³ + (1 − κ)·Σₖ f_k ΣᵢP_i[k]² − Σᵢ (κ s_i + (1 − κ) c_i)²,
/// the last sum expanded into sums kept by <see cref="SkillSegment"/> (with more than
/// <see cref="SkillSegment.MaxExactClasses"/> classes it is bounded below by its Jensen bound, which overstates
/// the variance). The Jensen form is also the expected spread Σᵢ (P_i[l_i] − mean)² of the agreements
/// themselves, so their observed spread over it measures how far the posteriors are less reliable than they
/// claim (few or weak other answers); <see cref="Dispersion"/>, a factor of at least 1 estimated over the
/// whole crowd, widens every standard error by its square root.
/// </para>
/// </remarks>
internal readonly record struct SkillEstimate(int Count, double Agreement, double Chance, double Sharpness, double Cubes, double SharesTimesSquares, double ObservedSpread)
{
    /// <summary>Smallest variance used, so that a run with flat posteriors cannot claim certainty.</summary>
    private const double MinVariance = 1e-9;

    /// <summary>Σᵢ s_i².</summary>
    public double SharpnessSquares { get; init; }

    /// <summary>Σᵢ s_i c_i.</summary>
    public double SharpChance { get; init; }

    /// <summary>Σᵢ c_i²; NaN when not kept (too many classes).</summary>
    public double ChanceSquares { get; init; } = double.NaN;

    /// <summary>The factor by which the observed spread of agreements exceeds the model's; 1 unless set.</summary>
    public double Dispersion { get; init; } = 1;

    /// <summary>S2 − C: how much better than chance a perfect worker would agree; tiny when the posteriors are flat.</summary>
    public double Room => Sharpness - Chance;

    /// <summary>Whether the run says anything about skill: answers whose tasks the others pin down.</summary>
    public bool Informative => Count > 0 && Room > 1e-6 * Count;

    /// <summary>κ̂; NaN when the run is not informative.</summary>
    public double Kappa => Informative ? (Agreement - Chance) / Room : double.NaN;

    /// <summary>|κ̂| widened by half an answer, the continuity allowance for a count of discrete answers.</summary>
    public double Observed => Math.Abs(Kappa) + (0.5 / Room);

    /// <summary>Standard error of κ̂ for a worker whose skill is <paramref name="kappa"/>.</summary>
    public double StandardError(double kappa)
    {
        var squares = double.IsNaN(ChanceSquares)
            ? Square(Mean(kappa)) / Count
            : (kappa * kappa * SharpnessSquares) + (2 * kappa * (1 - kappa) * SharpChance) + ((1 - kappa) * (1 - kappa) * ChanceSquares);
        var variance = SecondMoment(kappa) - squares;
        return Math.Sqrt(Dispersion * Math.Max(variance, MinVariance)) / Room;
    }

    /// <summary>Observed spread of the agreements over the spread the model expects at κ̂; NaN when not informative.</summary>
    public double SpreadRatio()
    {
        if (!Informative || Count < 2)
        {
            return double.NaN;
        }

        var kappa = Math.Clamp(Kappa, 0, 1);
        return ObservedSpread / Math.Max(SecondMoment(kappa) - (Square(Mean(kappa)) / Count), MinVariance);
    }

    private static double Square(double x) => x * x;

    /// <summary>E[Q] under skill κ.</summary>
    private double Mean(double kappa) => (kappa * Sharpness) + ((1 - kappa) * Chance);

    /// <summary>Σᵢ E[P_i[l_i]²] under skill κ.</summary>
    private double SecondMoment(double kappa) => (kappa * Cubes) + ((1 - kappa) * SharesTimesSquares);
}
