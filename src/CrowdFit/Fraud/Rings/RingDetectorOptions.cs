using CrowdFit.Fraud.Behaviour;
using CrowdFit.Truth;

namespace CrowdFit.Fraud.Rings;

/// <summary>Settings of <see cref="RingDetector"/>.</summary>
public sealed record RingDetectorOptions
{
    /// <summary>The default options.</summary>
    public static RingDetectorOptions Default { get; } = new();

    /// <summary>Fewest tasks two workers must both have answered before their answers are compared.</summary>
    /// <value>8. Must be at least 2.</value>
    public int MinSharedTasks { get; init; } = 8;

    /// <summary>Two submissions of the same task at most this many seconds apart count as synchronized.</summary>
    /// <value>5. Must be positive and below <see cref="NearSeconds"/>.</value>
    public double SyncSeconds { get; init; } = 5;

    /// <summary>
    /// Width of the reference window: among shared tasks submitted at most this many seconds apart, an
    /// uncoordinated pair falls within <see cref="SyncSeconds"/> about SyncSeconds / NearSeconds of the time.
    /// </summary>
    /// <value>60. Must be positive and finite.</value>
    public double NearSeconds { get; init; } = 60;

    /// <summary>
    /// Most accounts an IP address, IPv4 /24 range or device may serve and still count as shared
    /// infrastructure; values used by more accounts are taken for a public NAT, a VPN exit or a common
    /// fingerprint and ignored.
    /// </summary>
    /// <value>12. Must be at least 2.</value>
    public int MaxInfrastructureGroup { get; init; } = 12;

    /// <summary>Smallest share of a worker's answers (among those with a value) that must come from an IP, range or device for the worker to count as its user.</summary>
    /// <value>0.2. Must be in (0, 1).</value>
    public double MinInfrastructureShare { get; init; } = 0.2;

    /// <summary>
    /// Assumed probability that two honest, unrelated accounts report the same device id (a shared family
    /// computer); the chance model behind the device evidence.
    /// </summary>
    /// <value>1e-4. Must be in (0, 1).</value>
    public double DeviceShareRate { get; init; } = 1e-4;

    /// <summary>Largest corrected p-value of a link between two workers that joins them into a ring.</summary>
    /// <value>0.001. Must be in (0, 1).</value>
    public double LinkLevel { get; init; } = 0.001;

    /// <summary>Pairs whose uncalibrated evidence is below this p-value are left out when the chance model is calibrated on the crowd.</summary>
    /// <value>0.001. Must be in (0, 1).</value>
    public double TrimLevel { get; init; } = 0.001;

    /// <summary>Smallest confusion probability divided by when a pair's own votes are taken out of a task's posterior.</summary>
    /// <value>0.001. Must be in (0, 0.1].</value>
    public double ConfusionFloor { get; init; } = 1e-3;

    /// <summary>Checks every setting and reports all problems together.</summary>
    /// <exception cref="ArgumentException">One or more settings are out of range.</exception>
    public void Validate()
    {
        List<string> problems = [];
        Check.AtLeast(problems, nameof(MinSharedTasks), MinSharedTasks, 2);
        Check.Positive(problems, nameof(SyncSeconds), SyncSeconds);
        Check.Positive(problems, nameof(NearSeconds), NearSeconds);
        if (SyncSeconds >= NearSeconds)
        {
            problems.Add($"{nameof(SyncSeconds)} must be below {nameof(NearSeconds)} (were {SyncSeconds} and {NearSeconds}).");
        }

        Check.AtLeast(problems, nameof(MaxInfrastructureGroup), MaxInfrastructureGroup, 2);
        Check.Probability(problems, nameof(MinInfrastructureShare), MinInfrastructureShare);
        Check.Probability(problems, nameof(DeviceShareRate), DeviceShareRate);
        Check.Probability(problems, nameof(LinkLevel), LinkLevel);
        Check.Probability(problems, nameof(TrimLevel), TrimLevel);
        if (!(ConfusionFloor > 0 && ConfusionFloor <= 0.1))
        {
            problems.Add($"{nameof(ConfusionFloor)} must be in (0, 0.1] (was {ConfusionFloor}).");
        }

        OptionsProblems.ThrowIfAny(nameof(RingDetectorOptions), problems);
    }
}
