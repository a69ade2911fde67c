using System.Text.Json;

namespace CrowdFit.Service.Projects;

/// <summary>The body of <c>POST /api/projects</c>.</summary>
/// <param name="Id">Project id: 1–64 letters, digits, '-' or '_'.</param>
/// <param name="Name">Display name; null: the id.</param>
/// <param name="Labels">The label set: at least two distinct, non-empty labels.</param>
/// <param name="Aql">Acceptable quality limit, the highest posterior error delivered, in (0, 1); null: 0.02.</param>
/// <param name="MaxAnswers">Most counted answers per task before review; null: 5.</param>
/// <param name="TaskTypes">Allowed task types; empty or null: any.</param>
/// <param name="Requirements">Worker requirements; null: none.</param>
/// <param name="Pay">Reward per answer and hourly pay floor; null: pay unknown (no pay report).</param>
/// <param name="Rules">
/// Hard fraud rules checked at each re-estimation, as in a rules file (<c>samples/rules.json</c>): an object with
/// <c>rules</c> and an optional <c>worker_share</c>, or just the array of rules; null: none. Country rules step aside
/// (answers carry no country); duration rules use each answer's <c>startedAt</c> and the time it was received.
/// </param>
public sealed record ProjectRequest(
    string? Id, string? Name, IReadOnlyList<string>? Labels, double? Aql, int? MaxAnswers, IReadOnlyList<string>? TaskTypes, RequirementsDto? Requirements, PayDto? Pay = null, JsonElement? Rules = null);
