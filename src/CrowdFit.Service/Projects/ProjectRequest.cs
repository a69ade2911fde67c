namespace CrowdFit.Service.Projects;

/// <summary>The body of <c>POST /api/projects</c>.</summary>
/// <param name="Id">Project id: 1–64 letters, digits, '-' or '_'.</param>
/// <param name="Name">Display name; null: the id.</param>
/// <param name="Labels">The label set: at least two distinct, non-empty labels.</param>
/// <param name="Aql">Acceptable quality limit, the highest posterior error delivered, in (0, 1); null: 0.02.</param>
/// <param name="MaxAnswers">Most counted answers per task before review; null: 5.</param>
/// <param name="TaskTypes">Allowed task types; empty or null: any.</param>
/// <param name="Requirements">Worker requirements; null: none.</param>
public sealed record ProjectRequest(
    string? Id, string? Name, IReadOnlyList<string>? Labels, double? Aql, int? MaxAnswers, IReadOnlyList<string>? TaskTypes, RequirementsDto? Requirements);
