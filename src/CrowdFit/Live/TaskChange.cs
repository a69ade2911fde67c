using CrowdFit.Quality;

namespace CrowdFit.Live;

/// <summary>A task whose decision a re-estimation changed (for example reopened after a flagged answer was removed).</summary>
/// <param name="Task">Task id.</param>
/// <param name="Decision">The new decision.</param>
public sealed record TaskChange(string Task, TaskDecision Decision)
{
    /// <summary>The version of the model whose re-estimation made the change (0 when not recorded).</summary>
    public int ModelVersion { get; init; }

    /// <summary>Why the decision changed, in a few words (for example "answers it stood on were taken out at the re-estimation"); empty when not recorded.</summary>
    public string Cause { get; init; } = "";
}
