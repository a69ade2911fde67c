namespace CrowdFit.Service.Assignments;

/// <summary>The task a worker should do next (SPEC E3).</summary>
/// <param name="Task">Task id.</param>
/// <param name="Score">Expected drop in further answers the task needs, weighted by take-up and fraud risk (<see cref="CrowdFit.Live.RankedWorker.Score"/>).</param>
/// <param name="Accuracy">The worker's predicted accuracy on the task's type.</param>
public sealed record AssignmentDto(string Task, double Score, double Accuracy);
