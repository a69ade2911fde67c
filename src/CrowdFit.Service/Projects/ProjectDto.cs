namespace CrowdFit.Service.Projects;

/// <summary>A project with its live counts.</summary>
/// <param name="Id">Project id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Labels">The label set, in ordinal order.</param>
/// <param name="Aql">Acceptable quality limit.</param>
/// <param name="MaxAnswers">Most counted answers per task.</param>
/// <param name="TaskTypes">Allowed task types (empty: any).</param>
/// <param name="Requirements">Worker requirements.</param>
/// <param name="Tasks">Tasks, gold included.</param>
/// <param name="Answers">Answers received.</param>
/// <param name="ModelVersion">How many times the models have been re-estimated.</param>
public sealed record ProjectDto(
    string Id, string Name, IReadOnlyList<string> Labels, double Aql, int MaxAnswers, IReadOnlyList<string> TaskTypes,
    RequirementsDto Requirements, int Tasks, int Answers, int ModelVersion);
