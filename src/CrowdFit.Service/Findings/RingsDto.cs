namespace CrowdFit.Service.Findings;

/// <summary>The rings found by a project's last re-estimation.</summary>
/// <param name="Project">Project id.</param>
/// <param name="ModelVersion">The re-estimation that found them; 0 before the first.</param>
/// <param name="Searched">Whether the ring detector ran at that re-estimation (not before the first, nor while no task is finished).</param>
/// <param name="Rings">The rings; empty when none was found.</param>
public sealed record RingsDto(string Project, int ModelVersion, bool Searched, IReadOnlyList<RingDto> Rings);
