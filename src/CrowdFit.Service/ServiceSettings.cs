namespace CrowdFit.Service;

/// <summary>The <c>Service</c> configuration section.</summary>
internal sealed class ServiceSettings
{
    /// <summary>The bootstrap admin key; when null and no admin key is stored, one is generated and printed once.</summary>
    public string? AdminKey { get; set; }

    /// <summary>Answers between re-estimations of a project's models (<see cref="CrowdFit.Live.LiveProjectOptions.RefitEvery"/>).</summary>
    public int RefitEvery { get; set; } = 500;

    /// <summary>Largest request body accepted, in bytes.</summary>
    public long MaxBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Requests each API key may make per <see cref="RateWindowSeconds"/>.</summary>
    public int RatePermits { get; set; } = 20_000;

    /// <summary>The rate limit's fixed window, in seconds.</summary>
    public double RateWindowSeconds { get; set; } = 1;
}
