using CrowdFit.Service.Storage;

namespace CrowdFit.Service.Appeals;

/// <summary>An appeal of a rejected answer and its outcome.</summary>
/// <param name="Id">Appeal id.</param>
/// <param name="Project">Project id.</param>
/// <param name="Answer">The appealed answer's id.</param>
/// <param name="Worker">The worker who appealed.</param>
/// <param name="Task">The answer's task.</param>
/// <param name="Message">The worker's message.</param>
/// <param name="FiledAt">When it was filed (ISO 8601, UTC).</param>
/// <param name="Status">open, upheld or overturned.</param>
/// <param name="Explanation">The analyst's explanation, or null while open.</param>
/// <param name="AnsweredAt">When it was answered, or null while open.</param>
public sealed record AppealDto(
    long Id, string Project, long Answer, string Worker, string Task, string Message, string FiledAt, string Status, string? Explanation, string? AnsweredAt)
{
    internal static AppealDto From(AppealRow r) =>
        new(r.Id, r.ProjectId, r.AnswerId, r.WorkerId, r.TaskId, r.Message, r.FiledAt, r.Status, r.Explanation, r.AnsweredAt);
}
