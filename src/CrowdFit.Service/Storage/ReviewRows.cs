namespace CrowdFit.Service.Storage;

// The rows of review (SPEC F5): cases the engine opened and analysts decide, and workers' appeals of rejected
// answers. Both are written through the commit queue; a decision changes a row's status once.

/// <summary>A flagged answer or worker waiting for, or carrying, an analyst's decision.</summary>
internal sealed class ReviewCaseRow
{
    public long Id { get; set; }
    public required string ProjectId { get; set; }

    /// <summary>answer or worker.</summary>
    public required string Kind { get; set; }
    public required string WorkerId { get; set; }

    /// <summary>The answer's task; null for a worker case.</summary>
    public string? TaskId { get; set; }

    /// <summary>The answer's id; null for a worker case.</summary>
    public long? AnswerId { get; set; }

    /// <summary>JSON array of the engine's reasons.</summary>
    public required string Reasons { get; set; }
    public double FraudProbability { get; set; }
    public int ModelVersion { get; set; }
    public required string OpenedAt { get; set; }

    /// <summary>open, confirmed or cleared.</summary>
    public required string Status { get; set; }
    public string? Analyst { get; set; }
    public string? Note { get; set; }
    public string? DecidedAt { get; set; }
}

/// <summary>A worker's appeal of one rejected answer, and the analyst's answer to it.</summary>
internal sealed class AppealRow
{
    public long Id { get; set; }
    public required string ProjectId { get; set; }
    public long AnswerId { get; set; }
    public required string WorkerId { get; set; }
    public required string TaskId { get; set; }
    public required string Message { get; set; }
    public required string FiledAt { get; set; }

    /// <summary>open, upheld or overturned.</summary>
    public required string Status { get; set; }
    public string? Explanation { get; set; }
    public string? Analyst { get; set; }
    public string? AnsweredAt { get; set; }
}
