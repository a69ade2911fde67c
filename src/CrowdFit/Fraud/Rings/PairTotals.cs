namespace CrowdFit.Fraud.Rings;

/// <summary>Observed and expected counts summed over many pairs, to calibrate the chance model on the crowd.</summary>
/// <param name="CoWrong">Shared wrong answers.</param>
/// <param name="ExpectedWrong">Expected shared wrong answers.</param>
/// <param name="Disagree">Shared tasks answered differently.</param>
/// <param name="ExpectedDisagree">Expected shared tasks answered differently.</param>
/// <param name="Sync">Synchronized submissions.</param>
/// <param name="ExpectedSync">Synchronized submissions expected from a flat density over the reference window.</param>
internal readonly record struct PairTotals(double CoWrong, double ExpectedWrong, double Disagree, double ExpectedDisagree, double Sync, double ExpectedSync)
{
    /// <summary>The totals of one pair.</summary>
    public static PairTotals Of(in PairEvidence pair, double syncShare) => new(
        pair.CoWrong,
        pair.ExpectedWrong,
        pair.Shared - pair.Agree,
        pair.Shared - pair.ExpectedAgree,
        pair.Sync,
        pair.Near * syncShare);

    /// <summary>The sum of two totals.</summary>
    public PairTotals Plus(in PairTotals other) => new(
        CoWrong + other.CoWrong,
        ExpectedWrong + other.ExpectedWrong,
        Disagree + other.Disagree,
        ExpectedDisagree + other.ExpectedDisagree,
        Sync + other.Sync,
        ExpectedSync + other.ExpectedSync);

    /// <summary>These totals without <paramref name="other"/>'s.</summary>
    public PairTotals Minus(in PairTotals other) => new(
        CoWrong - other.CoWrong,
        ExpectedWrong - other.ExpectedWrong,
        Disagree - other.Disagree,
        ExpectedDisagree - other.ExpectedDisagree,
        Sync - other.Sync,
        ExpectedSync - other.ExpectedSync);
}
