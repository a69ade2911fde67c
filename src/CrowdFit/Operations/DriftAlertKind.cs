namespace CrowdFit.Operations;

/// <summary>What moved in a window flagged by <see cref="Drift"/>.</summary>
public enum DriftAlertKind
{
    /// <summary>The label distribution differs from the windows before (chi-square test of homogeneity).</summary>
    LabelDistribution,

    /// <summary>The share of answers agreeing with the inferred truth differs from the windows before (two-proportion z test).</summary>
    Agreement,
}
