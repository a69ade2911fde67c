namespace CrowdFit.Routing;

/// <summary>What a project's requirements look at in a worker: where they are and which qualifications they hold.</summary>
/// <param name="Id">The worker's id.</param>
/// <param name="Country">The worker's country as an ISO 3166 code (e.g. "BR"), or null when unknown.</param>
/// <param name="Qualifications">Names of the qualifications the worker holds, compared with the set's own comparer.</param>
public sealed record WorkerProfile(string Id, string? Country, IReadOnlySet<string> Qualifications);
