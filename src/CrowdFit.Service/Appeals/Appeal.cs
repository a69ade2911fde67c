namespace CrowdFit.Service.Appeals;

/// <summary>The words and columns of appeals.</summary>
internal static class Appeal
{
    public const string Open = "open";
    public const string Upheld = "upheld";
    public const string Overturned = "overturned";

    /// <summary>The columns of appeals as <see cref="Storage.AppealRow"/> properties.</summary>
    public const string Columns =
        """
        id as Id, project_id as ProjectId, answer_id as AnswerId, worker_id as WorkerId, task_id as TaskId, message as Message,
        filed_at as FiledAt, status as Status, explanation as Explanation, analyst as Analyst, answered_at as AnsweredAt
        """;
}
