namespace CrowdFit.Operations;

/// <summary>One task type of a <see cref="ReviewPlanReport"/>: the numbers measured on it and the risk class it got, with the reason.</summary>
public sealed record TaskTypeRisk
{
    /// <summary>The type as spelled in the log, <see cref="ReviewPlan.NoTypeName"/> or <see cref="ReviewPlan.AllTypesName"/>.</summary>
    public string Name { get; init; } = "";

    /// <summary>Tasks of the type (tasks with at least one answer).</summary>
    public int Tasks { get; init; }

    /// <summary>Answers on those tasks.</summary>
    public int Answers { get; init; }

    /// <summary>
    /// Answers equal to their task's inferred label over the answers of the type's tasks with at least two answers;
    /// <see cref="double.NaN"/> when no task has two (a lone answer always agrees with itself, so it tells nothing).
    /// </summary>
    public double Agreement { get; init; }

    /// <summary>Share of the type's tasks whose confidence is under <see cref="RiskOptions.EdgeConfidence"/>, in [0, 1].</summary>
    public double LowConfidenceShare { get; init; }

    /// <summary>The class the operator gave the type; <see langword="null"/> when the policy does not name it.</summary>
    public RiskClass? OperatorClass { get; init; }

    /// <summary>The class the type's tasks get.</summary>
    public RiskClass Class { get; init; }

    /// <summary>Where <see cref="Class"/> came from.</summary>
    public RiskClassSource Source { get; init; }

    /// <summary>Whether the measured numbers cross a raising threshold, whether or not they could raise the class.</summary>
    public bool DataSuggestsRaise { get; init; }

    /// <summary>Why the type has its class, with the measured numbers, as one sentence.</summary>
    public string Reason { get; init; } = "";
}
