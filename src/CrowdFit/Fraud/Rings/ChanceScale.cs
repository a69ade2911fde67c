namespace CrowdFit.Fraud.Rings;

/// <summary>How the crowd's honest pairs depart from the independence model, measured on the log itself.</summary>
/// <param name="Wrong">Factor on expected shared wrong answers; at least 1.</param>
/// <param name="Disagree">Factor on expected disagreements; at most 1.</param>
/// <param name="Sync">Factor on expected synchronized submissions; at least 1.</param>
/// <param name="SyncShare">Share of the reference window that counts as synchronized (SyncSeconds / NearSeconds).</param>
/// <param name="Timing">Whether submit times were available.</param>
/// <param name="WrongSpread">Variance between honest pairs of log(shared wrong / expected) beyond Poisson noise.</param>
/// <param name="DisagreeSpread">Variance between honest pairs of log(disagreements / expected) beyond Poisson noise.</param>
internal readonly record struct ChanceScale(double Wrong, double Disagree, double Sync, double SyncShare, bool Timing, double WrongSpread = 0, double DisagreeSpread = 0)
{
    /// <summary>Expected shared wrong answers of a pair.</summary>
    public double ExpectedWrong(in PairEvidence pair) => Math.Min(pair.Shared, Wrong * pair.ExpectedWrong);

    /// <summary>Expected agreements of a pair.</summary>
    public double ExpectedAgree(in PairEvidence pair) => pair.Shared - (Disagree * (pair.Shared - pair.ExpectedAgree));

    /// <summary>Expected synchronized submissions of a pair.</summary>
    public double ExpectedSync(in PairEvidence pair) => pair.Near * Math.Min(1, Sync * SyncShare);
}
