using CrowdFit.Quality;

namespace CrowdFit.Live;

/// <summary>A task whose decision a re-estimation changed (for example reopened after a flagged answer was removed).</summary>
/// <param name="Task">Task id.</param>
/// <param name="Decision">The new decision.</param>
public sealed record TaskChange(string Task, TaskDecision Decision);
