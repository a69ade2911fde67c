using CrowdFit.Fraud.Behaviour;
using CrowdFit.Fraud.Identity;
using CrowdFit.Fraud.Rings;
using CrowdFit.Fraud.Time;

namespace CrowdFit.Fraud;

/// <summary>The detectors CrowdFit runs by default, each with its default settings.</summary>
public static class FraudDetectors
{
    /// <summary>
    /// The default detectors, in the order they run, followed by <paramref name="extra"/> (for example a rule
    /// engine built from an operator's rules file).
    /// </summary>
    /// <param name="extra">More detectors to run after the default ones.</param>
    public static IReadOnlyList<IFraudDetector> Create(params IEnumerable<IFraudDetector> extra)
    {
        ArgumentNullException.ThrowIfNull(extra);
        return
        [
            new SpamState(),
            new Honeypots(),
            new PeerOutlier(),
            new TimeTheft(),
            new Pace(),
            new RingDetector(),
            new SharedAccounts(),
            .. extra,
        ];
    }

    /// <summary>
    /// The detectors whose evidence stays sound when the platform itself chooses who answers what (a live
    /// project routing tasks to its best workers): all the defaults but the peer outliers, whose behavioural
    /// norms (label mix, agreement with earlier answers) assume workers meet tasks at random — under routing a
    /// good worker is sent the fresh and the disputed tasks, and looks unlike the crowd for that alone.
    /// </summary>
    /// <param name="extra">More detectors to run after these.</param>
    public static IReadOnlyList<IFraudDetector> ForRouted(params IEnumerable<IFraudDetector> extra)
    {
        ArgumentNullException.ThrowIfNull(extra);
        return [.. Create(extra).Where(d => d is not PeerOutlier)];
    }
}
