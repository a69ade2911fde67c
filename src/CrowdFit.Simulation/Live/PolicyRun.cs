namespace CrowdFit.Simulation.Live;

/// <summary>One policy's side of the loop: how many answers a task wants, who gets it, and what an answer changes.</summary>
internal abstract class PolicyRun
{
    /// <summary>Answers a new task asks for.</summary>
    public abstract int FirstNeed { get; }

    /// <summary>The account to offer the task to among the candidates, or -1.</summary>
    public abstract int Pick(int task, IReadOnlyList<int> candidates, double draw);

    /// <summary>
    /// Pairs this round's task slots with the candidates all at once, best pairs first, or null to pick for
    /// one task at a time with <see cref="Pick"/>.
    /// </summary>
    public virtual List<(int Task, int Account)>? PlanRound(IReadOnlyList<int> tasks, IReadOnlyList<int> candidates) => null;

    /// <summary>Whether the account may get work at all (not banned).</summary>
    public virtual bool Eligible(int account) => true;

    /// <summary>An offer was declined (or taken).</summary>
    public virtual void Offered(int account, bool taken)
    {
    }

    /// <summary>A control answer.</summary>
    public abstract void Control(int task, int account, int label, int gold);

    /// <summary>An answer on a task; returns the answers the task still wants now (0: settled) and whether it went to review.</summary>
    public abstract (int Need, bool Review) Answered(int task, int account, int label);

    /// <summary>Tasks whose wants changed outside an answer (a re-estimation), with their new want.</summary>
    public virtual IEnumerable<(int Task, int Need)> Changes() => [];

    /// <summary>Last chance to extend tasks before delivery (the project-level check); returns the tasks to extend once more.</summary>
    public virtual IReadOnlyList<int> Final() => [];

    /// <summary>The delivered label of a task (-1 when none).</summary>
    public abstract int Delivered(int task);

    /// <summary>The policy's own estimate of the delivered set's error, or NaN.</summary>
    public virtual double ExpectedError => double.NaN;

    /// <summary>Mean decision time in microseconds, or NaN.</summary>
    public virtual double DecisionMicroseconds => double.NaN;
}
