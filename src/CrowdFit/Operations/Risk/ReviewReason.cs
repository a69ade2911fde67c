namespace CrowdFit.Operations;

/// <summary>Why a task was or was not selected for review in a <see cref="ReviewPlanReport"/>.</summary>
public enum ReviewReason
{
    /// <summary>Not selected: the task is no edge case and its stable draw fell outside the spot share.</summary>
    NotSampled = 0,

    /// <summary>Not selected for a reviewer: the task is gold, so its answers are checked against the known label.</summary>
    Gold = 1,

    /// <summary>Selected: its stable draw fell inside the spot share of its method.</summary>
    SpotSample = 2,

    /// <summary>Selected as an edge case: the confidence of its inferred label is under <see cref="RiskOptions.EdgeConfidence"/>.</summary>
    LowConfidence = 3,

    /// <summary>Selected as an edge case: its answers name more than one label.</summary>
    Disagreement = 4,

    /// <summary>Selected because its method reviews every task (<see cref="ReviewMethod.ExpertReview"/>).</summary>
    EveryTask = 5,
}
