using CrowdFit.Live;
using CrowdFit.Service.Errors;
using CrowdFit.Service.Keys;
using CrowdFit.Service.Projects;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrowdFit.Service.Assignments;

/// <summary><c>/api/projects/{id}/assignments/next</c>: the best open task for a worker.</summary>
internal static class AssignmentsApi
{
    public static RouteGroupBuilder MapAssignments(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/projects/{id}/assignments").WithTags("Assignments").RequireAuthorization(Roles.AnswerPolicy);
        group.MapGet("/next", Next).WithName("NextAssignment");
        return group;
    }

    /// <summary>
    /// Scores every task still collecting answers for this worker and returns the best, or 204 when none would help;
    /// remembers when the task was handed out, as the start of an answer sent without one.
    /// </summary>
    private static Results<Ok<AssignmentDto>, NoContent, ValidationProblem, ProblemHttpResult> Next(
        string id, string? worker, HttpContext context, ProjectCatalog catalog, TimeProvider clock)
    {
        if (!catalog.TryGet(id, out var host))
        {
            return Problems.NotFound($"Project '{id}' does not exist.");
        }

        if (Ids.Problem(worker) is { } problem)
        {
            return Problems.Invalid("worker", problem);
        }

        if (Roles.WorkerOf(context) is { } self && !string.Equals(self, worker, StringComparison.Ordinal))
        {
            return Problems.Forbidden("A worker key may only ask for its own assignments.");
        }

        string[] who = [worker!];
        RankedWorker? best = null;
        string? bestTask = null;
        lock (host.Gate)
        {
            foreach (var task in host.Tasks)
            {
                if (host.Live.State(task) is LiveTaskStatus.Accepted or LiveTaskStatus.Review)
                {
                    continue;
                }

                var standing = host.Live.Rank(task, who)[0];
                if (standing.Ineligible is null && standing.Score > (best?.Score ?? 0))
                {
                    (best, bestTask) = (standing, task);
                }
            }

            if (bestTask is not null)
            {
                host.Handouts.Record(worker!, bestTask, clock.GetUtcNow());
            }
        }

        return best is { } b && bestTask is not null
            ? TypedResults.Ok(new AssignmentDto(bestTask, b.Score, b.Accuracy))
            : TypedResults.NoContent();
    }
}
