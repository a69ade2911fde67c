namespace CrowdFit.Service.Projects;

/// <summary>The body of <c>POST /api/projects/{id}/workers</c>: a worker's profile; posting again replaces it.</summary>
/// <param name="Id">Worker id (1–200 characters).</param>
/// <param name="Country">ISO 3166 country code, or null when unknown.</param>
/// <param name="Qualifications">Qualifications held.</param>
public sealed record WorkerRequest(string? Id, string? Country, IReadOnlyList<string>? Qualifications);
