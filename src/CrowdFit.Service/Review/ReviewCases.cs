namespace CrowdFit.Service.Review;

/// <summary>The words of review cases, as stored and sent.</summary>
internal static class ReviewCases
{
    public const string Answer = "answer";
    public const string Worker = "worker";

    public const string Open = "open";
    public const string Confirmed = "confirmed";
    public const string Cleared = "cleared";

    /// <summary>Longest note or appeal text accepted.</summary>
    public const int MaxText = 2000;

    /// <summary>The columns of review_cases as <see cref="Storage.ReviewCaseRow"/> properties.</summary>
    public const string Columns =
        """
        id as Id, project_id as ProjectId, kind as Kind, worker_id as WorkerId, task_id as TaskId, answer_id as AnswerId,
        reasons as Reasons, fraud_probability as FraudProbability, model_version as ModelVersion, opened_at as OpenedAt,
        status as Status, analyst as Analyst, note as Note, decided_at as DecidedAt
        """;

    public const string Insert =
        """
        insert into review_cases (id, project_id, kind, worker_id, task_id, answer_id, reasons, fraud_probability, model_version,
                                  opened_at, status, analyst, note, decided_at)
        values (@Id, @ProjectId, @Kind, @WorkerId, @TaskId, @AnswerId, @Reasons, @FraudProbability, @ModelVersion,
                @OpenedAt, @Status, @Analyst, @Note, @DecidedAt)
        """;

    /// <summary>Why the text is not acceptable as a note or message, or null.</summary>
    public static string? TextProblem(string? text, string what) =>
        string.IsNullOrWhiteSpace(text) ? $"The {what} is required."
        : text.Length > MaxText ? $"The {what} has {text.Length} characters; at most {MaxText} are allowed."
        : null;
}
