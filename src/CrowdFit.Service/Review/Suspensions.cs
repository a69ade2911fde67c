using System.Text.Json;
using CrowdFit.Service.Projects;
using CrowdFit.Service.Storage;

namespace CrowdFit.Service.Review;

/// <summary>
/// Worker suspensions (SPEC F4): an analyst's confirmation of a worker case as fraud suspends the worker in the
/// project; clearing a later worker case of theirs, or overturning an appeal of theirs, lifts it. Each change is a
/// decision log entry whose label is the worker id and whose first reason is the engine's; the replay at startup
/// applies them again in log order.
/// </summary>
internal static class Suspensions
{
    /// <summary>The decision log action of a suspension.</summary>
    public const string Suspend = "suspend";

    /// <summary>The decision log action of a lifted suspension.</summary>
    public const string Lift = "lift";

    /// <summary>
    /// Suspends the worker of a confirmed worker case and returns its decision log entry; null when the case is not a
    /// worker case or the worker is suspended already. Call under the host's gate, queuing the confirmation first.
    /// </summary>
    public static DecisionLogRow? Confirmed(ProjectHost host, ReviewCaseRow row, string analyst, string at)
    {
        if (row.Kind != ReviewCases.Worker || host.Live.IsSuspended(row.WorkerId))
        {
            return null;
        }

        var reason = $"case {row.Id} confirmed as fraud";
        host.Live.Suspend(row.WorkerId, reason);
        return Entry(host, Suspend, row.WorkerId, row.FraudProbability, [reason, row.Note ?? "", $"worker {row.WorkerId} suspended"], analyst, at);
    }

    /// <summary>
    /// Lifts the suspension of the worker of a cleared worker case and returns its decision log entry; null when the
    /// case is not a worker case or the worker is not suspended. Call under the host's gate, queuing the clearance first.
    /// </summary>
    public static DecisionLogRow? Cleared(ProjectHost host, ReviewCaseRow row, string analyst, string at) => row.Kind == ReviewCases.Worker
        ? Lifted(host, row.WorkerId, $"case {row.Id} cleared", row.Note ?? "", analyst, at)
        : null;

    /// <summary>
    /// Lifts a worker's suspension and returns its decision log entry, or null when the worker is not suspended.
    /// Call under the host's gate, after queuing the decision that lifts it.
    /// </summary>
    public static DecisionLogRow? Lifted(ProjectHost host, string worker, string cause, string note, string actor, string at) => host.Live.Lift(worker)
        ? Entry(host, Lift, worker, 0, [cause, note, $"worker {worker} no longer suspended"], actor, at)
        : null;

    /// <summary>Applies a stored <see cref="Suspend"/> or <see cref="Lift"/> entry to the engine again (the replay at startup).</summary>
    /// <param name="host">The project.</param>
    /// <param name="action">The entry's action.</param>
    /// <param name="worker">The entry's label: the worker.</param>
    /// <param name="reasons">The entry's reasons (JSON array); the first is the engine's.</param>
    public static void Replay(ProjectHost host, string action, string worker, string reasons)
    {
        if (action == Lift)
        {
            host.Live.Lift(worker);
            return;
        }

        var stored = JsonSerializer.Deserialize<string[]>(reasons);
        host.Live.Suspend(worker, stored is [{ Length: > 0 } reason, ..] ? reason : Suspend);
    }

    private static DecisionLogRow Entry(ProjectHost host, string action, string worker, double confidence, string[] reasons, string actor, string at) => new()
    {
        ProjectId = host.Id, TaskId = "", Action = action, Label = worker, Confidence = confidence,
        Reasons = JsonSerializer.Serialize(reasons), ModelVersion = host.Live.ModelVersion, Actor = actor, At = at,
    };
}
