namespace CrowdFit.Service.Keys;

/// <summary>A newly issued key; the key itself is shown only here, the service keeps its hash.</summary>
/// <param name="Key">The secret to send in <c>X-Api-Key</c>.</param>
/// <param name="Role">Its role.</param>
/// <param name="Worker">The worker it speaks for, for a worker key.</param>
public sealed record KeyDto(string Key, string Role, string? Worker);
