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
}
