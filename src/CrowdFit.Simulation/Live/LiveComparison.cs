using System.Globalization;

namespace CrowdFit.Simulation.Live;

/// <summary>
/// Reads a set of live runs against the quality-at-lowest-cost targets: CrowdFit's AQL policy with the best
/// worker available against fixed overlap 5, against Toloka-style dynamic overlap at equal or better
/// accuracy, and against random assignment at the same delivered accuracy.
/// </summary>
public static class LiveComparison
{
    /// <summary>One comparison: what was compared, the numbers, and whether the target is met (null when the runs needed are missing).</summary>
    /// <param name="Name">What is compared.</param>
    /// <param name="Detail">The runs and numbers behind it.</param>
    /// <param name="Met">Whether the target is met; null when the runs it needs are not in the set.</param>
    public sealed record Line(string Name, string Detail, bool? Met);

    /// <summary>The comparisons that the runs allow.</summary>
    /// <param name="results">Runs of one crowd and seed.</param>
    /// <param name="aql">The AQL of the plain <c>aql-*</c> runs.</param>
    public static IReadOnlyList<Line> Compare(IReadOnlyList<LiveSimulationResult> results, double aql)
    {
        ArgumentNullException.ThrowIfNull(results);
        var c = CultureInfo.InvariantCulture;
        var lines = new List<Line>();
        var best = results.FirstOrDefault(r => r.Policy == "aql-best");
        var random = results.FirstOrDefault(r => r.Policy == "aql-random");
        var overlap5 = results.FirstOrDefault(r => r.Policy == "overlap5");
        var toloka = results.Where(r => r.Policy.StartsWith("toloka", StringComparison.Ordinal)).ToList();
        if (best is not null && overlap5 is not null)
        {
            var ratio = best.LabelsPerTask / overlap5.LabelsPerTask;
            lines.Add(new Line(
                string.Create(c, $"AQL {aql:P0}, best worker: accuracy ≥ 98 % with ≤ half the labels of fixed overlap 5"),
                string.Create(c, $"{best.Accuracy:P2} with {best.LabelsPerTask:F3} labels/task = {ratio:P1} of overlap 5's {overlap5.LabelsPerTask:F3} (overlap 5: {overlap5.Accuracy:P2})"),
                best.Accuracy >= 0.98 && ratio <= 0.5));
        }

        if (best is not null && toloka.Count > 0)
        {
            var asGood = toloka.Where(t => t.Accuracy >= best.Accuracy).OrderBy(t => t.LabelsPerTask).FirstOrDefault();
            var peer = asGood ?? toloka.OrderByDescending(t => t.Accuracy).ThenBy(t => t.LabelsPerTask).First();
            var saved = 1 - (best.LabelsPerTask / peer.LabelsPerTask);
            var how = asGood is null
                ? $"no Toloka setting run reached {best.Accuracy:P2}; its most accurate, {peer.Policy}, gave {peer.Accuracy:P2}"
                : $"the cheapest Toloka setting as accurate, {peer.Policy}, gave {peer.Accuracy:P2}";
            lines.Add(new Line(
                "best worker: ≥ 20 % fewer labels than Toloka-style dynamic overlap at equal or better accuracy",
                string.Create(c, $"{how} with {peer.LabelsPerTask:F3} labels/task; aql-best {best.LabelsPerTask:F3} at {best.Accuracy:P2}: {saved:P1} fewer"),
                saved >= 0.2));
        }

        if (random is not null)
        {
            var matched = results
                .Where(r => r.Policy.StartsWith("aql-best", StringComparison.Ordinal) && r.Accuracy >= random.Accuracy)
                .OrderBy(r => r.LabelsPerTask)
                .FirstOrDefault();
            lines.Add(matched is null
                ? new Line("best worker vs random assignment: ≥ 15 % fewer labels for the same accuracy", string.Create(c, $"no aql-best run reached aql-random's {random.Accuracy:P2}"), best is null ? null : false)
                : new Line(
                    "best worker vs random assignment: ≥ 15 % fewer labels for the same accuracy",
                    string.Create(c, $"{matched.Policy} {matched.LabelsPerTask:F3} labels/task at {matched.Accuracy:P2}; aql-random {random.LabelsPerTask:F3} at {random.Accuracy:P2}: {1 - (matched.LabelsPerTask / random.LabelsPerTask):P1} fewer"),
                    1 - (matched.LabelsPerTask / random.LabelsPerTask) >= 0.15));
        }

        return lines;
    }
}
