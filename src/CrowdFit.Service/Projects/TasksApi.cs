using System.Collections.Frozen;
using System.Text.Json;
using CrowdFit.Routing;
using CrowdFit.Service.Errors;
using CrowdFit.Service.Keys;
using CrowdFit.Service.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrowdFit.Service.Projects;

/// <summary><c>/api/projects/{id}/tasks|gold|workers</c>: what a project works on and who works on it.</summary>
internal static class TasksApi
{
    public static RouteGroupBuilder MapTasks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/projects/{id}").WithTags("Tasks").RequireAuthorization(Roles.RequesterPolicy);
        group.MapPost("/tasks", AddTasks).WithName("AddTasks");
        group.MapPost("/gold", AddGold).WithName("AddGold");
        group.MapPost("/workers", AddWorker).WithName("AddWorker");
        return group;
    }

    private static Task<Results<Ok<AddedDto>, ValidationProblem, ProblemHttpResult>> AddTasks(
        string id, IReadOnlyList<TaskRequest> tasks, ProjectCatalog catalog, CommitQueue queue) =>
        Add(id, [.. tasks.Select(t => new TaskRequestLine(t?.Id, t?.Type, null, "id"))], catalog, queue);

    private static Task<Results<Ok<AddedDto>, ValidationProblem, ProblemHttpResult>> AddGold(
        string id, IReadOnlyList<GoldRequest> gold, ProjectCatalog catalog, CommitQueue queue) =>
        Add(id, [.. gold.Select(g => new TaskRequestLine(g?.Task, g?.Type, g?.Label ?? "", "task"))], catalog, queue);

    private static async Task<Results<Ok<AddedDto>, ValidationProblem, ProblemHttpResult>> Add(
        string id, TaskRequestLine[] lines, ProjectCatalog catalog, CommitQueue queue)
    {
        if (!catalog.TryGet(id, out var host))
        {
            return Problems.NotFound($"Project '{id}' does not exist.");
        }

        if (lines.Length == 0)
        {
            return Problems.Invalid("body", "Send a non-empty JSON array.");
        }

        Task committed;
        lock (host.Gate)
        {
            var errors = Validate(host, lines);
            if (errors.Count > 0)
            {
                return Problems.Invalid(errors);
            }

            var rows = new TaskRow[lines.Length];
            var gold = new List<GoldRow>();
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                host.AddTask(line.Id!, line.Type, line.Gold);
                rows[i] = new TaskRow { Seq = catalog.NextSeq(), ProjectId = host.Id, TaskId = line.Id!, TaskType = line.Type };
                if (line.Gold is not null)
                {
                    gold.Add(new GoldRow { ProjectId = host.Id, TaskId = line.Id!, Label = line.Gold });
                }
            }

            committed = queue.Enqueue(new PendingWrite { Tasks = rows, Gold = gold });
        }

        try
        {
            await committed;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException)
        {
            return Problems.Unavailable($"The tasks were not stored: {ex.Message}");
        }

        return TypedResults.Ok(new AddedDto(lines.Length, host.Live.TaskCount));
    }

    private static Dictionary<string, string[]> Validate(ProjectHost host, TaskRequestLine[] lines)
    {
        var errors = new Dictionary<string, string[]>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var at = $"[{i}].";
            if (Ids.Problem(line.Id) is { } problem)
            {
                errors[at + line.IdField] = [problem];
            }
            else if (host.HasTask(line.Id!) || !seen.Add(line.Id!))
            {
                errors[at + line.IdField] = [$"Task '{line.Id}' already exists."];
            }

            if (!host.AllowsType(line.Type))
            {
                errors[at + "type"] = [$"The type must be one of {string.Join(", ", host.TaskTypes)}."];
            }

            if (line.Gold is "")
            {
                errors[at + "label"] = ["The label is required."];
            }
            else if (line.Gold is not null && !host.HasLabel(line.Gold))
            {
                errors[at + "label"] = [$"Unknown label '{line.Gold}'; the labels are {string.Join(", ", host.Labels)}."];
            }

            if (errors.Count >= 20)
            {
                break;
            }
        }

        return errors;
    }

    private static async Task<Results<Ok<WorkerRequest>, ValidationProblem, ProblemHttpResult>> AddWorker(
        string id, WorkerRequest worker, ProjectCatalog catalog, CommitQueue queue)
    {
        if (!catalog.TryGet(id, out var host))
        {
            return Problems.NotFound($"Project '{id}' does not exist.");
        }

        if (Ids.Problem(worker.Id) is { } problem)
        {
            return Problems.Invalid("id", problem);
        }

        var qualifications = worker.Qualifications ?? [];
        if (qualifications.Any(string.IsNullOrEmpty))
        {
            return Problems.Invalid("qualifications", "Qualifications must be non-empty strings.");
        }

        Task committed;
        lock (host.Gate)
        {
            host.Live.AddWorker(new WorkerProfile(worker.Id!, worker.Country, qualifications.ToFrozenSet(StringComparer.Ordinal)));
            committed = queue.Enqueue(new PendingWrite
            {
                Worker = new WorkerRow
                {
                    Seq = catalog.NextSeq(), ProjectId = host.Id, WorkerId = worker.Id!, Country = worker.Country,
                    Qualifications = JsonSerializer.Serialize(qualifications),
                },
            });
        }

        try
        {
            await committed;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException)
        {
            return Problems.Unavailable($"The worker was not stored: {ex.Message}");
        }

        return TypedResults.Ok(worker with { Qualifications = qualifications });
    }

    /// <summary>A task or gold item, with the name its id has in the request.</summary>
    private sealed record TaskRequestLine(string? Id, string? Type, string? Gold, string IdField);
}
