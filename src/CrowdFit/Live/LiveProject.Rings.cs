using CrowdFit.Fraud;
using CrowdFit.Fraud.Rings;

namespace CrowdFit.Live;

public sealed partial class LiveProject
{
    /// <summary>
    /// The rings the detectors found at the last re-estimation (SPEC D9), with worker ids and the evidence against
    /// each member. Kept with the model, so they change only when a re-estimation publishes a new one.
    /// </summary>
    public LiveRings Rings
    {
        get
        {
            var model = Volatile.Read(ref _model);
            return new LiveRings(model.Version, model.RingsSearched, model.Rings);
        }
    }

    /// <summary>The analysis' rings with worker ids; whether a ring detector ran is the second value.</summary>
    private (IReadOnlyList<LiveRing> Rings, bool Searched) RingsOf(FraudAnalysisResult analysis, string[] workerIds)
    {
        var detectors = _options.DetectorSet.OfType<RingDetector>().Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        var searched = analysis.Reports.Any(r => r.Ran && detectors.Contains(r.Detector));
        var rings = analysis.Rings.Select(r =>
        {
            var members = r.Workers.Select((w, i) => (Id: workerIds[w], Evidence: r.Evidence[i])).OrderBy(m => m.Id, StringComparer.Ordinal).ToArray();
            return new LiveRing(r.Id, [.. members.Select(m => m.Id)], [.. members.Select(m => m.Evidence)], r.PValue);
        });
        return ([.. rings], searched);
    }
}
