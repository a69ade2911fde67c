namespace CrowdFit.Operations;

/// <summary>How the delivered tasks of a risk class are reviewed (SPEC G4); ordered from the lightest to the strictest.</summary>
/// <remarks>See <see cref="ReviewPlan"/> for which tasks each method selects.</remarks>
public enum ReviewMethod
{
    /// <summary>
    /// Gold sampling plus spot review: hidden gold tasks check the workers, and a reviewer sees a stable sample of
    /// <see cref="RiskOptions.SpotShare"/> of the other tasks.
    /// </summary>
    SpotCheck = 0,

    /// <summary>
    /// Dual review of edge cases: a second reviewer sees every task whose truth confidence is under
    /// <see cref="RiskOptions.EdgeConfidence"/> or whose answers disagree, plus a stable sample of
    /// <see cref="RiskOptions.EdgeSpotShare"/> of the rest.
    /// </summary>
    EdgeCaseReview = 1,

    /// <summary>Expert review of every task, each decision kept in an audit trail.</summary>
    ExpertReview = 2,
}
