using System.Data.Common;

namespace CrowdFit.Service.Storage;

/// <summary>The writer's insert commands, created once on its connection and reused for every row.</summary>
internal sealed class Statements(DbConnection connection)
{
    public Statement Task { get; } = new(connection, "tasks", "seq", "project_id", "task_id", "task_type");

    public Statement Gold { get; } = new(connection, "gold", "project_id", "task_id", "label");

    public Statement Worker { get; } = new(connection, "workers", "seq", "project_id", "worker_id", "country", "qualifications");

    public Statement Answer { get; } = new(connection, "answers", "id", "project_id", "task_id", "worker_id", "label", "received_at", "decision", "started_at");

    public Statement Entry { get; } = new(
        connection, "decision_log", "seq", "project_id", "position", "answer_id", "task_id", "action", "label", "confidence",
        "extra_answers", "reasons", "model_version", "actor", "at", "prev_hash", "hash");

    public void Enlist(DbTransaction transaction)
    {
        foreach (var s in new[] { Task, Gold, Worker, Answer, Entry })
        {
            s.Command.Transaction = transaction;
        }
    }
}
