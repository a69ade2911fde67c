namespace CrowdFit.Operations;

/// <summary>Where the risk class of a task type in a <see cref="ReviewPlanReport"/> came from.</summary>
public enum RiskClassSource
{
    /// <summary>The operator named the type in the <see cref="RiskPolicy"/>; the class is kept as given.</summary>
    Operator = 0,

    /// <summary>The type is not named, and the policy's <see cref="RiskPolicy.Default"/> class stands.</summary>
    Default = 1,

    /// <summary>The type is not named, and its measured agreement or confidence raised it above the default.</summary>
    Inferred = 2,
}
