namespace CrowdFit.Service.Projects;

/// <summary>Who may work on a project (SPEC E4).</summary>
/// <param name="Qualifications">Qualifications a worker must all hold; empty or null: none.</param>
/// <param name="MinAccuracy">Lowest predicted accuracy accepted once a worker has enough answers, in [0, 1]; null: 0.</param>
/// <param name="Regions">ISO 3166 country codes a worker must be in; empty or null: anywhere.</param>
public sealed record RequirementsDto(IReadOnlyList<string>? Qualifications, double? MinAccuracy, IReadOnlyList<string>? Regions);
