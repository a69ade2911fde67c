namespace CrowdFit.Fraud.Rings;

/// <summary>An infrastructure value (a device, an IP address or range) that a few accounts share.</summary>
/// <param name="Kind">Device, IP address or IPv4 range.</param>
/// <param name="Code">Code of the value within its kind.</param>
/// <param name="Text">The value as written in reasons ("d-9", "10.1.2.3", "10.1.2.*").</param>
/// <param name="Accounts">Number of accounts that use it.</param>
internal readonly record struct SharedValue(InfrastructureKind Kind, int Code, string Text, int Accounts);
