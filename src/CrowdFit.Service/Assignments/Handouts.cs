namespace CrowdFit.Service.Assignments;

/// <summary>
/// When each worker was last handed each task by <c>GET .../assignments/next</c>, so an answer sent without
/// <c>startedAt</c> can take its start from there (SPEC G1). Kept in memory only: after a restart the earlier
/// hand-outs are unknown, and their answers' start is unknown unless they send one. Call under the project's gate.
/// </summary>
internal sealed class Handouts
{
    /// <summary>Most hand-outs remembered per project; the oldest go first.</summary>
    public const int Capacity = 100_000;

    /// <summary>
    /// A hand-out older than this is not taken as the answer's start: the worker most likely left the task and came
    /// back to it, and the idle time would read as slow work.
    /// </summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(2);

    private readonly Dictionary<(string Worker, string Task), DateTimeOffset> _at = [];
    private readonly Queue<(string Worker, string Task, DateTimeOffset At)> _order = new();

    /// <summary>Hand-outs remembered now.</summary>
    public int Count => _at.Count;

    /// <summary>Records that the worker was handed the task; handing it again to the same worker keeps the first time.</summary>
    public void Record(string worker, string task, DateTimeOffset at)
    {
        if (!_at.TryAdd((worker, task), at))
        {
            return;
        }

        _order.Enqueue((worker, task, at));
        while (_at.Count > Capacity && _order.TryDequeue(out var old))
        {
            if (_at.TryGetValue((old.Worker, old.Task), out var kept) && kept == old.At)
            {
                _at.Remove((old.Worker, old.Task));
            }
        }
    }

    /// <summary>Takes (and forgets) when the worker was handed the task, if it is known and not older than <see cref="MaxAge"/> at <paramref name="now"/>.</summary>
    public DateTimeOffset? Take(string worker, string task, DateTimeOffset now)
    {
        if (!_at.Remove((worker, task), out var at))
        {
            return null;
        }

        return now - at <= MaxAge && at <= now ? at : null;
    }
}
