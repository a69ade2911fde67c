namespace CrowdFit.Fraud.Rings;

/// <summary>What kind of infrastructure several accounts share.</summary>
internal enum InfrastructureKind
{
    /// <summary>The same device id or fingerprint.</summary>
    Device,

    /// <summary>The same IP address.</summary>
    Ip,

    /// <summary>The same IPv4 /24 range (first three octets).</summary>
    IpRange,
}
