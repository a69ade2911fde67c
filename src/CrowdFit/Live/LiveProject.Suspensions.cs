namespace CrowdFit.Live;

public sealed partial class LiveProject
{
    // Suspended worker ids with the reason, kept apart from the worker columns so a worker never seen can be suspended.
    private readonly Dictionary<string, string> _suspensions = new(StringComparer.Ordinal);

    /// <summary>
    /// Suspends a worker, for example after an analyst confirmed them as a fraud: from now on their answers are
    /// rejected with the reason, they are offered no task (<see cref="Rank"/> and <see cref="Assign"/> treat them as
    /// ineligible), and re-estimations leave their answers out as they do a flagged worker's. Suspending a suspended
    /// worker replaces the reason.
    /// </summary>
    /// <param name="workerId">The worker; one never seen is suspended all the same.</param>
    /// <param name="reason">Why, shown in every rejection of their answers.</param>
    /// <exception cref="ArgumentException"><paramref name="workerId"/> or <paramref name="reason"/> is null or empty.</exception>
    public void Suspend(string workerId, string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(workerId);
        ArgumentException.ThrowIfNullOrEmpty(reason);
        lock (_gate)
        {
            _suspensions[workerId] = reason;
        }
    }

    /// <summary>
    /// Lifts a worker's suspension: their next answers count again (unless the detectors flag them). Answers a
    /// re-estimation took out while they were suspended stay out, as a flagged worker's do.
    /// </summary>
    /// <param name="workerId">The worker.</param>
    /// <returns>Whether the worker was suspended.</returns>
    /// <exception cref="ArgumentException"><paramref name="workerId"/> is null or empty.</exception>
    public bool Lift(string workerId)
    {
        ArgumentException.ThrowIfNullOrEmpty(workerId);
        lock (_gate)
        {
            return _suspensions.Remove(workerId);
        }
    }

    /// <summary>Whether the worker is suspended (<see cref="Suspend"/>).</summary>
    /// <exception cref="ArgumentException"><paramref name="workerId"/> is null or empty.</exception>
    public bool IsSuspended(string workerId) => SuspensionReason(workerId) is not null;

    /// <summary>Why the worker is suspended, or null when they are not.</summary>
    /// <exception cref="ArgumentException"><paramref name="workerId"/> is null or empty.</exception>
    public string? SuspensionReason(string workerId)
    {
        ArgumentException.ThrowIfNullOrEmpty(workerId);
        lock (_gate)
        {
            return _suspensions.GetValueOrDefault(workerId);
        }
    }

    /// <summary>The suspended workers' ids in ordinal order.</summary>
    public IReadOnlyList<string> Suspended
    {
        get
        {
            lock (_gate)
            {
                return [.. _suspensions.Keys.Order(StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Why the worker (by id) is suspended, or null; call under the lock.</summary>
    private string? Suspension(string workerId) => _suspensions.Count == 0 ? null : _suspensions.GetValueOrDefault(workerId);

    /// <summary>Per worker index, whether the worker is suspended now; call under the lock.</summary>
    private bool[] SuspendedWorkers()
    {
        var suspended = new bool[_workerIds.Count];
        for (var w = 0; w < suspended.Length && _suspensions.Count > 0; w++)
        {
            suspended[w] = _suspensions.ContainsKey(_workerIds[w]);
        }

        return suspended;
    }
}
