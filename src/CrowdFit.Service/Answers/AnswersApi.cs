using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using CrowdFit.Quality;
using CrowdFit.Service.Errors;
using CrowdFit.Service.Keys;
using CrowdFit.Service.Projects;
using CrowdFit.Service.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrowdFit.Service.Answers;

/// <summary><c>/api/projects/{id}/answers</c> and task status: the hot path.</summary>
internal static class AnswersApi
{
    /// <summary>Who decides on answers in the decision log.</summary>
    public const string Actor = "engine";

    public static RouteGroupBuilder MapAnswers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/projects/{id}").WithTags("Answers");
        group.MapPost("/answers", Submit).WithName("SubmitAnswer").RequireAuthorization(Roles.AnswerPolicy);
        group.MapGet("/tasks/{task}", Status).WithName("GetTask").RequireAuthorization(Roles.ReaderPolicy);
        return group;
    }

    /// <summary>Decides on the answer, stores answer and decision in one commit, then replies.</summary>
    private static async Task<Results<Ok<DecisionDto>, ValidationProblem, ProblemHttpResult>> Submit(
        string id, AnswerRequest answer, HttpContext context, ProjectCatalog catalog, CommitQueue queue, TimeProvider clock)
    {
        if (!catalog.TryGet(id, out var host))
        {
            return Problems.NotFound($"Project '{id}' does not exist.");
        }

        var errors = new Dictionary<string, string[]>();
        if (Ids.Problem(answer.Task) is { } taskProblem)
        {
            errors["task"] = [taskProblem];
        }

        if (Ids.Problem(answer.Worker) is { } workerProblem)
        {
            errors["worker"] = [workerProblem];
        }

        if (string.IsNullOrEmpty(answer.Label))
        {
            errors["label"] = ["The label is required."];
        }
        else if (!host.HasLabel(answer.Label))
        {
            errors["label"] = [$"Unknown label '{answer.Label}'; the labels are {string.Join(", ", host.Labels)}."];
        }

        var now = clock.GetUtcNow();
        var started = AnswerTiming.Parse(answer.StartedAt, now, out var timingProblem);
        if (timingProblem is not null)
        {
            errors["startedAt"] = [timingProblem];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        if (Roles.WorkerOf(context) is { } self && !string.Equals(self, answer.Worker, StringComparison.Ordinal))
        {
            return Problems.Forbidden("A worker key may only submit answers as its own worker.");
        }

        var at = now.ToString("O", CultureInfo.InvariantCulture);
        TaskDecision decision;
        DecisionLogRow entry;
        Task committed;
        lock (host.Gate)
        {
            if (!host.HasTask(answer.Task!))
            {
                return Problems.Invalid("task", $"Unknown task '{answer.Task}'.");
            }

            decision = host.Live.Submit(answer.Task!, answer.Worker!, answer.Label!);
            var handedOut = host.Handouts.Take(answer.Worker!, answer.Task!, now);
            started ??= handedOut;
            var answerId = catalog.NextSeq();
            entry = Entry(host, answerId, answer.Task!, decision, at);
            committed = queue.Enqueue(new PendingWrite
            {
                Answer = new AnswerRow
                {
                    Id = answerId, ProjectId = host.Id, TaskId = answer.Task!, WorkerId = answer.Worker!, Label = answer.Label!,
                    ReceivedAt = at, Decision = entry.Action, StartedAt = AnswerTiming.Format(started),
                },
                Entry = entry,
            });
        }

        try
        {
            await committed;
        }
        catch (Exception ex) when (ex is InvalidOperationException or DbException)
        {
            return Problems.Unavailable($"The answer was not stored; send it again. {ex.Message}");
        }

        return TypedResults.Ok(new DecisionDto(
            entry.Action, decision.More, entry.Label, decision.Confidence, decision.Reasons, decision.Answers, decision.Audit, entry.AnswerId!.Value, entry.ModelVersion));
    }

    private static Results<Ok<TaskStatusDto>, ProblemHttpResult> Status(string id, string task, ProjectCatalog catalog)
    {
        if (!catalog.TryGet(id, out var host))
        {
            return Problems.NotFound($"Project '{id}' does not exist.");
        }

        lock (host.Gate)
        {
            if (!host.HasTask(task))
            {
                return Problems.NotFound($"Task '{task}' does not exist in project '{id}'.");
            }

            var live = host.Live;
            var decision = live.Status(task);
            var posterior = live.Posterior(task);
            var labels = live.Labels;
            return TypedResults.Ok(new TaskStatusDto(
                task, Name(live.State(task).ToString()), Name(decision.Kind.ToString()), LabelOf(labels, decision.Label), decision.Confidence,
                decision.Answers, decision.More, labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => posterior[x.i], StringComparer.Ordinal)));
        }
    }

    /// <summary>The decision log entry of an answer's decision; the queue chains it.</summary>
    public static DecisionLogRow Entry(ProjectHost host, long answerId, string task, TaskDecision decision, string at) => new()
    {
        ProjectId = host.Id,
        AnswerId = answerId,
        TaskId = task,
        Action = Name(decision.Kind.ToString()),
        Label = LabelOf(host.Live.Labels, decision.Label),
        Confidence = decision.Confidence,
        ExtraAnswers = decision.More,
        Reasons = JsonSerializer.Serialize(decision.Reasons),
        ModelVersion = host.Live.ModelVersion,
        Actor = Actor,
        At = at,
    };

    public static string Name(string kind) => kind.ToLowerInvariant();

    private static string? LabelOf(IReadOnlyList<string> labels, int label) => label >= 0 ? labels[label] : null;
}
