namespace CrowdFit.Routing;

/// <summary>
/// Each worker's predicted accuracy on each task type, with its confidence, learned from gold, benchmark and
/// ordinary answers and transferred between task types on which the same workers do alike.
/// </summary>
/// <remarks>
/// <para>
/// Evidence: for worker w and type t, n_wt effective answers of which c_wt were right (<see cref="SkillEvidence"/>);
/// the raw accuracy is c_wt / n_wt. Weights count as answers throughout, so gold given weight 3 is trusted like
/// three answers.
/// </para>
/// <para>
/// Crowd: the type's crowd mean m_t = (Σ_w c_wt + k·a₀) / (Σ_w n_wt + k), pooled over answers, with k the
/// <see cref="SkillModelOptions.PriorStrength"/> and a₀ the <see cref="SkillModelOptions.DefaultAccuracy"/> (so a
/// type without evidence gets a₀). The spread σ_t of true accuracies between workers is found by the method of
/// moments, the deviations d_wt = c_wt / n_wt − m_t less the binomial noise m_t(1 − m_t) / n_wt they carry:
/// σ_t² = (Σ_w n_wt d_wt² − W_t m_t(1 − m_t)) / (Σ_w n_wt − W_t) over the W_t workers seen on t, floored at 0.
/// Soft answers (posterior probabilities) carry less noise than the binomial, so σ_t is then underestimated and
/// the transfer below errs on the side of too little.
/// </para>
/// <para>
/// Similarity (SPEC E2): over the workers with at least <see cref="SkillModelOptions.OverlapEvidence"/> answers
/// on both types a and b, the weighted mean of d_wa·d_wb, with weights n_wa·n_wb / (n_wa + n_wb), estimates the
/// covariance of true accuracies (the two types' noises are independent, so it needs no correction). Divided by
/// σ_a·σ_b it is the correlation of true accuracies, clamped to [−1, 1] and multiplied by m / (m + s) for m
/// shared workers and s the <see cref="SkillModelOptions.SimilarityShrinkage"/>. It is 0 when no worker is
/// shared or either spread is 0, and 1 on the diagonal.
/// </para>
/// <para>
/// Transfer (SPEC E1): a worker's true standing z_wt = (accuracy − m_t) / σ_t has prior N(0, 1). Every other
/// type s the worker was seen on reports u_ws = d_ws / σ_s, a measurement of z_ws with noise variance
/// e_ws = m_s(1 − m_s) / (n_ws σ_s²), and z_wt = ρ_ts z_ws + an error of variance 1 − ρ_ts². Treating these
/// reports as independent gives the standing ẑ_wt = Σ_s (ρ_ts u_ws / v_s) / (1 + Σ_s ρ_ts² / v_s) with
/// v_s = 1 − ρ_ts² + e_ws; with one other type this is ρ_ts times the reliability-shrunk u_ws, the best linear
/// predictor. The worker's own evidence on t is left out here, as it enters through the posterior.
/// </para>
/// <para>
/// Posterior: the prior mean μ_wt = m_t + σ_t ẑ_wt, kept inside (0, 1), with weight k gives
/// Beta(k μ_wt + c_wt, k (1 − μ_wt) + n_wt − c_wt). <see cref="Predict"/> returns its mean and central
/// credible interval, all computed by <see cref="Fit"/> so that a prediction is a table lookup.
/// </para>
/// <para>
/// Limits: reports from several mutually similar types are counted as independent, which overstates their
/// joint weight; the prior's strength does not grow with the certainty of the transfer; and the crowd mean
/// weighs prolific workers more, as it is pooled over answers.
/// </para>
/// </remarks>
public sealed partial class SkillModel
{
    private readonly double[] _crowdMean;
    private readonly double[] _spread;
    private readonly double[] _similarity;
    private readonly SkillEstimate[] _crowdPrior;
    private readonly SkillEstimate[] _estimates;

    private SkillModel(int workers, double[] crowdMean, double[] spread, double[] similarity, SkillEstimate[] crowdPrior, SkillEstimate[] estimates)
    {
        WorkerCount = workers;
        TaskTypeCount = crowdMean.Length;
        _crowdMean = crowdMean;
        _spread = spread;
        _similarity = similarity;
        _crowdPrior = crowdPrior;
        _estimates = estimates;
    }

    /// <summary>Number of workers in the evidence the model was fitted on.</summary>
    public int WorkerCount { get; }

    /// <summary>Number of task types.</summary>
    public int TaskTypeCount { get; }

    /// <summary>The crowd's mean accuracy on a type: pooled over its answers, or <see cref="SkillModelOptions.DefaultAccuracy"/> without any.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="taskType"/> is out of range.</exception>
    public double CrowdMean(int taskType) => _crowdMean[CheckType(taskType)];

    /// <summary>Estimated standard deviation of true accuracy between workers on a type; 0 when the evidence shows none.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="taskType"/> is out of range.</exception>
    public double AccuracySpread(int taskType) => _spread[CheckType(taskType)];

    /// <summary>How alike the same workers do on two task types: the shrunk correlation of their true accuracies, in [−1, 1].</summary>
    /// <returns>1 when <paramref name="a"/> = <paramref name="b"/>; 0 when no worker has enough evidence on both. Symmetric.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A type is out of range.</exception>
    public double Similarity(int a, int b) => _similarity[(CheckType(a) * TaskTypeCount) + CheckType(b)];

    /// <summary>The predicted accuracy of a worker on a task type. Does not allocate.</summary>
    /// <param name="worker">
    /// The worker, zero or more. A worker with no evidence, or at or past <see cref="WorkerCount"/> (one who joined
    /// after the fit), gets the crowd prior: mean <see cref="CrowdMean"/>, evidence 0.
    /// </param>
    /// <param name="taskType">The task type, in [0, <see cref="TaskTypeCount"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException">The worker is negative or the type is out of range.</exception>
    public SkillEstimate Predict(int worker, int taskType)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(worker);
        CheckType(taskType);
        return worker < WorkerCount ? _estimates[(worker * TaskTypeCount) + taskType] : _crowdPrior[taskType];
    }

    private int CheckType(int taskType)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(taskType);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(taskType, TaskTypeCount);
        return taskType;
    }
}
