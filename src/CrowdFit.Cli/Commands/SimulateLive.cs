using System.CommandLine;
using System.Globalization;
using System.Text;
using CrowdFit.Simulation.Adversarial;
using CrowdFit.Simulation.Live;

namespace CrowdFit.Cli.Commands;

/// <summary><c>crowdfit simulate --live</c>: policies against a simulated crowd, side by side.</summary>
internal static class SimulateLive
{
    public static IReadOnlyList<string> AllPolicies => LivePolicy.Comparison;

    public static int Run(ParseResult parse, string presetName, double scale, long seed, string policies, double aql, string? reportPath, bool presetGiven, TextWriter stdout, TextWriter stderr)
    {
        _ = parse;
        var name = presetGiven ? presetName : "images";
        if (AdversarialCrowdOptions.Preset(name) is not { } scenario)
        {
            stderr.WriteLine($"crowdfit simulate: --preset: --live runs the scenarios with adversaries: {string.Join(", ", AdversarialCrowdOptions.PresetNames)} (was '{name}').");
            return 2;
        }

        if (!(scale is > 0 and <= 1000))
        {
            stderr.WriteLine($"crowdfit simulate: --scale must be in (0, 1000] (was {scale.ToString(CultureInfo.InvariantCulture)}).");
            return 2;
        }

        if (!(aql is > 0 and < 1))
        {
            stderr.WriteLine($"crowdfit simulate: --aql must be in (0, 1) (was {aql.ToString(CultureInfo.InvariantCulture)}).");
            return 2;
        }

        var names = policies.Trim().Equals("all", StringComparison.OrdinalIgnoreCase)
            ? AllPolicies
            : policies.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var parsed = new List<LivePolicy>();
        foreach (var n in names)
        {
            if (LivePolicy.Parse(n, aql, out var error) is not { } p)
            {
                stderr.WriteLine($"crowdfit simulate: --policy: {error}");
                return 2;
            }

            parsed.Add(p);
        }

        if (parsed.Count == 0)
        {
            stderr.WriteLine("crowdfit simulate: --policy: give at least one policy.");
            return 2;
        }

        var crowd = scenario.Scale(scale) with { Seed = seed };
        var progress = new Lines(stderr);
        var results = new List<LiveSimulationResult>();
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"live '{crowd.Name}' (seed {seed}): {crowd.Tasks:N0} tasks, {crowd.Accounts:N0} accounts; AQL {aql:P1}"));
        foreach (var policy in parsed)
        {
            var result = LiveSimulation.Run(new LiveSimulationOptions { Crowd = crowd, Policy = policy, Seed = seed }, progress);
            results.Add(result);
            stdout.WriteLine(Row(result));
        }

        var table = Table(crowd, seed, aql, results);
        stdout.WriteLine();
        stdout.Write(table);
        if (reportPath is not null)
        {
            try
            {
                File.WriteAllText(reportPath, table);
                stdout.WriteLine($"report: {reportPath}");
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"crowdfit simulate: cannot write {reportPath}: {error.Message}");
                return 2;
            }
        }

        return 0;
    }

    private static string Row(LiveSimulationResult r) => string.Create(
        CultureInfo.InvariantCulture,
        $"  {r.Policy,-16} {r.LabelsPerTask,5:F2} labels/task  accuracy {r.Accuracy:P2}  cost {r.Cost:N0}  adversary answers {r.AdversaryAnswers:N0}  ({r.Seconds:F1} s)");

    /// <summary>The comparison as Markdown.</summary>
    public static string Table(AdversarialCrowdOptions crowd, long seed, double aql, IReadOnlyList<LiveSimulationResult> results)
    {
        var s = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        s.AppendLine(c, $"Live '{crowd.Name}', seed {seed}: {crowd.Tasks:N0} tasks, {crowd.Accounts:N0} accounts, AQL {aql:P1}.");
        s.AppendLine();
        s.AppendLine(c, $"| policy | labels/task | delivered accuracy | reviewed | labels | control answers | cost | adversary answers | engine's expected error | decision µs (mean) | rounds | seconds |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            var expected = double.IsNaN(r.ExpectedError) ? "" : r.ExpectedError.ToString("P2", c);
            var micro = double.IsNaN(r.DecisionMicroseconds) ? "" : r.DecisionMicroseconds.ToString("F1", c);
            s.AppendLine(c, $"| {r.Policy} | {r.LabelsPerTask:F3} | {r.Accuracy:P2} | {r.Reviewed:N0} | {r.Labels:N0} | {r.ControlAnswers:N0} | {r.Cost:N0} | {r.AdversaryAnswers:N0} | {expected} | {micro} | {r.Rounds:N0} | {r.Seconds:F1} |");
        }

        var lines = LiveComparison.Compare(results, aql);
        if (lines.Count > 0)
        {
            s.AppendLine();
            s.AppendLine("| target | measured | met |");
            s.AppendLine("|---|---|---|");
            foreach (var line in lines)
            {
                s.AppendLine(c, $"| {line.Name} | {line.Detail} | {(line.Met switch { true => "yes", false => "no", null => "n/a" })} |");
            }
        }

        return s.ToString();
    }

    /// <summary>Writes each progress line at once, on the caller's thread.</summary>
    private sealed class Lines(TextWriter writer) : IProgress<string>
    {
        private readonly Lock _gate = new();

        public void Report(string value)
        {
            lock (_gate)
            {
                writer.WriteLine(value);
            }
        }
    }
}
