namespace CrowdFit.Service.Review;

/// <summary>A project's health (SPEC F1, F3): volume, where tasks stand, progress against the AQL and throughput.</summary>
/// <param name="Project">Project id.</param>
/// <param name="ModelVersion">Re-estimations so far.</param>
/// <param name="Answers">Answers received, rejected ones included.</param>
/// <param name="AnswersByDecision">Answers by the decision they received: accept, extend, review, reject.</param>
/// <param name="Tasks">Tasks, gold included.</param>
/// <param name="TasksByStatus">Tasks by status: open, accepted, review, gold.</param>
/// <param name="LabelsPerTask">Answers received per non-gold task (0 without such tasks).</param>
/// <param name="CountedLabelsPerTask">Answers counted towards the label per non-gold task (rejected and excluded ones left out).</param>
/// <param name="Aql">Delivered quality against the AQL.</param>
/// <param name="Throughput">Answers per minute over the last hour.</param>
/// <param name="Supervised">The supervised fraud model trained on analysts' decisions: off, pending, skipped with its reason, or trained.</param>
public sealed record HealthDto(
    string Project, int ModelVersion, long Answers, IReadOnlyDictionary<string, long> AnswersByDecision, int Tasks,
    IReadOnlyDictionary<string, int> TasksByStatus, double LabelsPerTask, double CountedLabelsPerTask, AqlProgressDto Aql, ThroughputDto Throughput,
    SupervisedModelDto Supervised);
