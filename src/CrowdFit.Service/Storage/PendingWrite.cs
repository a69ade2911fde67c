namespace CrowdFit.Service.Storage;

/// <summary>Rows one request needs committed before it answers; <see cref="Committed"/> completes after the commit.</summary>
internal sealed class PendingWrite
{
    public IReadOnlyList<TaskRow> Tasks { get; init; } = [];
    public IReadOnlyList<GoldRow> Gold { get; init; } = [];
    public WorkerRow? Worker { get; init; }
    public AnswerRow? Answer { get; init; }

    /// <summary>A decision log entry; the queue fills in its sequence, position and hashes.</summary>
    public DecisionLogRow? Entry { get; init; }

    /// <summary>Hand-written statements (review cases, appeals), run after the rows above.</summary>
    public IReadOnlyList<SqlWrite> Sql { get; init; } = [];

    public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
