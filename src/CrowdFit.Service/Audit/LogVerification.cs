namespace CrowdFit.Service.Audit;

/// <summary>The outcome of checking the decision log (<see cref="DecisionLog.Verify"/>).</summary>
/// <param name="Entries">Entries checked.</param>
/// <param name="Projects">Projects whose chains were checked.</param>
/// <param name="Project">Project of the first problem, or null when the log is intact.</param>
/// <param name="Position">0-based position in that project's chain of the first altered or missing entry, or null.</param>
/// <param name="Problem">One sentence on the first problem, or null when the log is intact.</param>
public sealed record LogVerification(long Entries, int Projects, string? Project, long? Position, string? Problem)
{
    /// <summary>Whether every chain verified and every answer has its entry.</summary>
    public bool Intact => Problem is null;
}
