namespace CrowdFit.Workforce;

/// <summary>Effective hourly pay of a log against a floor, per worker, per worker and task type, and per task type (SPEC G1).</summary>
/// <remarks>See <see cref="EffectivePay"/> for how hours are measured and attributed.</remarks>
public sealed record PayReport
{
    /// <summary>Why the analysis stepped aside (no timestamps, no rewards); <see langword="null"/> when it ran.</summary>
    public string? SkippedBecause { get; init; }

    /// <summary>Whether the analysis ran (it did not step aside).</summary>
    public bool Ran => SkippedBecause is null;

    /// <summary>The floor the rates were held against, per hour.</summary>
    public double Floor { get; init; }

    /// <summary>Currency of the rewards and the floor.</summary>
    public string Currency { get; init; } = "";

    /// <summary>One row per (worker, task type) with at least one answer, by worker index and then task type index.</summary>
    public IReadOnlyList<WorkerPay> Cells { get; init; } = [];

    /// <summary>One overall row per worker with at least one answer, by worker index (<see cref="WorkerPay.TaskType"/> = -1).</summary>
    public IReadOnlyList<WorkerPay> Workers { get; init; } = [];

    /// <summary>One row per task type, by index: the log's task type codes, then <see cref="EffectivePay.NoTypeName"/> when any answer has no type.</summary>
    public IReadOnlyList<TaskTypePay> TaskTypes { get; init; } = [];

    /// <summary>The flags of the task types whose median hourly pay is under the floor, in task type order.</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>Answers in the log.</summary>
    public int Answers { get; init; }

    /// <summary>Answers without both timestamps or with a submit not after the start: paid but left out of the rates.</summary>
    public int UnknownTimeAnswers { get; init; }

    /// <summary>Answers with a known time but no reward: left out of the rates.</summary>
    public int UnknownRewardAnswers { get; init; }

    /// <summary>Sum of all known rewards.</summary>
    public double Paid { get; init; }

    /// <summary>Hours in the rates over all workers.</summary>
    public double Hours { get; init; }
}
