namespace CrowdFit.Service.Keys;

/// <summary>The body of <c>POST /api/keys</c>.</summary>
/// <param name="Role">admin, analyst, requester or worker.</param>
/// <param name="Worker">For a worker key, the worker id it speaks for (required then, refused otherwise).</param>
/// <param name="Name">A note on whose key it is.</param>
public sealed record KeyRequest(string? Role, string? Worker, string? Name);
