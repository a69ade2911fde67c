namespace CrowdFit.Service.Storage;

// The stored rows. Tasks, gold, workers and answers share one sequence (Seq) per database, so a project's
// history replays in the order the engine saw it.

/// <summary>A project's settings.</summary>
internal sealed class ProjectRow
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public long Seq { get; set; }

    /// <summary>JSON array of labels.</summary>
    public required string Labels { get; set; }
    public double Aql { get; set; }
    public int MaxAnswers { get; set; }

    /// <summary>JSON array of task types; empty: any type.</summary>
    public required string TaskTypes { get; set; }

    /// <summary>JSON of the worker requirements.</summary>
    public required string Requirements { get; set; }

    /// <summary>JSON of the pay (reward per answer, currency, hourly floor); null when the project sets none.</summary>
    public string? Pay { get; set; }

    /// <summary>JSON of the hard fraud rules, in the engine's rule-file shape; null when the project sets none.</summary>
    public string? Rules { get; set; }
    public required string CreatedAt { get; set; }
}

/// <summary>One task of a project; gold tasks also have a <see cref="GoldRow"/>.</summary>
internal sealed class TaskRow
{
    public long Seq { get; set; }
    public required string ProjectId { get; set; }
    public required string TaskId { get; set; }
    public string? TaskType { get; set; }
}

/// <summary>The known label of a control task.</summary>
internal sealed class GoldRow
{
    public required string ProjectId { get; set; }
    public required string TaskId { get; set; }
    public required string Label { get; set; }
}

/// <summary>One registration of a worker's profile (a later one replaces it).</summary>
internal sealed class WorkerRow
{
    public long Seq { get; set; }
    public required string ProjectId { get; set; }
    public required string WorkerId { get; set; }
    public string? Country { get; set; }

    /// <summary>JSON array of qualification names.</summary>
    public required string Qualifications { get; set; }
}

/// <summary>One answer, append-only, with the decision it received.</summary>
internal sealed class AnswerRow
{
    public long Id { get; set; }
    public required string ProjectId { get; set; }
    public required string TaskId { get; set; }
    public required string WorkerId { get; set; }
    public required string Label { get; set; }
    public required string ReceivedAt { get; set; }
    public required string Decision { get; set; }

    /// <summary>When the worker started on the task (ISO 8601, UTC): sent with the answer, else when the task was handed out; null when unknown.</summary>
    public string? StartedAt { get; set; }
}

/// <summary>One entry of the hash-chained decision log.</summary>
internal sealed class DecisionLogRow
{
    public long Seq { get; set; }
    public required string ProjectId { get; set; }

    /// <summary>0-based position in the project's chain.</summary>
    public long Position { get; set; }
    public long? AnswerId { get; set; }
    public required string TaskId { get; set; }
    public required string Action { get; set; }
    public string? Label { get; set; }
    public double Confidence { get; set; }
    public int ExtraAnswers { get; set; }

    /// <summary>JSON array of reasons.</summary>
    public required string Reasons { get; set; }
    public int ModelVersion { get; set; }
    public required string Actor { get; set; }
    public required string At { get; set; }
    public string PrevHash { get; set; } = "";
    public string Hash { get; set; } = "";
}

/// <summary>An API key, stored as its SHA-256 hash only.</summary>
internal sealed class ApiKeyRow
{
    public required string Hash { get; set; }
    public required string Role { get; set; }
    public string? WorkerId { get; set; }
    public string? Name { get; set; }
    public required string CreatedAt { get; set; }
}
