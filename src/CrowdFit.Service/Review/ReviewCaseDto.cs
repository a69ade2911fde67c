using System.Text.Json;
using CrowdFit.Service.Storage;

namespace CrowdFit.Service.Review;

/// <summary>A review case: a flagged answer or worker and the analyst's decision on it.</summary>
/// <param name="Id">Case id.</param>
/// <param name="Project">Project id.</param>
/// <param name="Kind">answer (an answer the engine rejected or sent to review) or worker (a worker the re-estimation flagged).</param>
/// <param name="Worker">The worker.</param>
/// <param name="Task">The answer's task; null for a worker case.</param>
/// <param name="Answer">The answer's id; null for a worker case.</param>
/// <param name="Reasons">The engine's reasons, most important first.</param>
/// <param name="FraudProbability">The detectors' fraud probability for the worker when the case was opened.</param>
/// <param name="ModelVersion">The model version that decided.</param>
/// <param name="OpenedAt">When the case was opened (ISO 8601, UTC).</param>
/// <param name="Status">open, confirmed (fraud) or cleared (not fraud).</param>
/// <param name="Analyst">Who decided, or null while open.</param>
/// <param name="Note">The analyst's note, or null while open.</param>
/// <param name="DecidedAt">When it was decided, or null while open.</param>
public sealed record ReviewCaseDto(
    long Id, string Project, string Kind, string Worker, string? Task, long? Answer, IReadOnlyList<string> Reasons,
    double FraudProbability, int ModelVersion, string OpenedAt, string Status, string? Analyst, string? Note, string? DecidedAt)
{
    internal static ReviewCaseDto From(ReviewCaseRow r) => new(
        r.Id, r.ProjectId, r.Kind, r.WorkerId, r.TaskId, r.AnswerId, JsonSerializer.Deserialize<string[]>(r.Reasons) ?? [],
        r.FraudProbability, r.ModelVersion, r.OpenedAt, r.Status, r.Analyst, r.Note, r.DecidedAt);
}
