namespace CrowdFit.Fraud.Rings;

/// <summary>How the crowd's honest pairs depart from the independence model, measured on the log itself.</summary>
/// <param name="Wrong">Factor on expected shared wrong answers; at least 1.</param>
/// <param name="Disagree">Factor on expected disagreements; at most 1.</param>
/// <param name="Sync">Factor on expected synchronized submissions; at least 1.</param>
/// <param name="SyncShare">Share of the reference window that counts as synchronized (SyncSeconds / NearSeconds).</param>
/// <param name="Timing">Whether submit times were available.</param>
/// <param name="WrongSpread">Variance between honest pairs of log(shared wrong / expected) beyond Poisson noise.</param>
/// <param name="DisagreeSpread">Variance between honest pairs of log(disagreements / expected) beyond Poisson noise.</param>
/// <param name="NearRate">The crowd's share of shared tasks two workers submit within the near window of each other.</param>
/// <param name="Activity">Per worker, its near submissions and shared tasks summed over all its tested pairs; null without submit times.</param>
internal readonly record struct ChanceScale(
    double Wrong,
    double Disagree,
    double Sync,
    double SyncShare,
    bool Timing,
    double WrongSpread = 0,
    double DisagreeSpread = 0,
    double NearRate = 0,
    (double[] Near, double[] Shared)? Activity = null)
{
    /// <summary>Weight, in shared tasks, of the crowd's near rate in each worker's own rate.</summary>
    private const double PriorShared = 20;

    /// <summary>
    /// The chance that the pair submits a shared task within the near window of each other: the larger of the
    /// crowd's rate and the geometric mean of the two workers' own rates with everyone else (leaving this pair
    /// out), so workers who are simply busy at busy times are judged by their own habits.
    /// </summary>
    public double NearChance(in PairEvidence pair)
    {
        if (Activity is not { } activity)
        {
            return NearRate;
        }

        var first = Own(activity, pair.First, pair.Near, pair.Shared, NearRate);
        var second = Own(activity, pair.Second, pair.Near, pair.Shared, NearRate);
        return Math.Min(1, Math.Max(NearRate, Math.Sqrt(first * second)));
    }

    /// <summary>A worker's near rate with everyone but one partner, shrunk towards the crowd's.</summary>
    private static double Own((double[] Near, double[] Shared) activity, int worker, int pairNear, int pairShared, double crowd) =>
        Math.Max(0, activity.Near[worker] - pairNear + (crowd * PriorShared)) / Math.Max(PriorShared, activity.Shared[worker] - pairShared + PriorShared);

    /// <summary>Expected shared wrong answers of a pair.</summary>
    public double ExpectedWrong(in PairEvidence pair) => Math.Min(pair.Shared, Wrong * pair.ExpectedWrong);

    /// <summary>Expected agreements of a pair.</summary>
    public double ExpectedAgree(in PairEvidence pair) => pair.Shared - (Disagree * (pair.Shared - pair.ExpectedAgree));

    /// <summary>Expected synchronized submissions of a pair.</summary>
    public double ExpectedSync(in PairEvidence pair) => pair.Near * Math.Min(1, Sync * SyncShare);
}
