namespace CrowdFit.Operations;

/// <summary>The review plan of a log (SPEC G4): the risk class of every task type and, for every task, whether a reviewer sees it and why.</summary>
/// <remarks>See <see cref="ReviewPlan"/> for how classes are set and tasks selected.</remarks>
public sealed record ReviewPlanReport
{
    /// <summary>
    /// Why every task shares one class instead of one per task type (no context, or no <c>task_type</c> column);
    /// <see langword="null"/> when classified by type.
    /// </summary>
    public string? TypesSkippedBecause { get; init; }

    /// <summary>Whether tasks were classified by their type.</summary>
    public bool ByTaskType => TypesSkippedBecause is null;

    /// <summary>
    /// The task types with at least one task, in the order of the column's values, then <see cref="ReviewPlan.NoTypeName"/>;
    /// a single <see cref="ReviewPlan.AllTypesName"/> entry when not classified by type.
    /// </summary>
    public IReadOnlyList<TaskTypeRisk> Types { get; init; } = [];

    /// <summary>Every task with at least one answer, in task index order.</summary>
    public IReadOnlyList<TaskReview> Tasks { get; init; } = [];

    /// <summary>One summary per class: low, medium, high, always all three.</summary>
    public IReadOnlyList<RiskClassSummary> Classes { get; init; } = [];

    /// <summary>Task types the policy names that no task in the log has, in ordinal order (a misspelling shows here).</summary>
    public IReadOnlyList<string> UnusedPolicyTypes { get; init; } = [];

    /// <summary>Things the operator should know, one sentence each: unused policy types, spot checks without gold, operator classes the data question.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Tasks selected for review, over all classes.</summary>
    public int Selected { get; init; }

    /// <summary>Tasks without answers, left out of the plan (nothing was delivered to review).</summary>
    public int UnansweredTasks { get; init; }
}
