using System.Text.Json;

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
/// <param name="Pay">Reward per answer and hourly pay floor, with the defaults filled in; null when the project sets no pay.</param>
/// <param name="Rules">The hard fraud rules, in the shape of a rule file (<c>{"rules": [...]}</c>); null when the project sets none.</param>
/// <param name="RulesNotChecked">The rules that are never checked in this project, each with why; empty when every rule can be.</param>
public sealed record ProjectDto(
    string Id, string Name, IReadOnlyList<string> Labels, double Aql, int MaxAnswers, IReadOnlyList<string> TaskTypes,
    RequirementsDto Requirements, int Tasks, int Answers, int ModelVersion, PayDto? Pay,
    JsonElement? Rules, IReadOnlyList<string> RulesNotChecked);
