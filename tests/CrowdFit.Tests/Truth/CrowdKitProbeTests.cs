using System.Diagnostics;
using CrowdFit.Truth;

namespace CrowdFit.Tests.Truth;

public sealed class CrowdKitProbeTests
{
    [Fact]
    public void Probe_AllDatasets_WritesReport()
    {
        var lines = new List<string>();
        foreach (var d in new[] { "zheng_d_duck", "snow_rte", "zheng_s4_dog", "cf_amt" })
        {
            var answers = ReferenceData.Answers(d);
            var gold = ReferenceData.Gold(d, answers);
            foreach (var (m, method) in new (string, ITruthMethod)[] { ("Wawa", new Wawa()), ("OneCoinDawidSkene", new OneCoinDawidSkene()), ("GLAD", new Glad()) })
            {
                var sw = Stopwatch.StartNew();
                var r = method.Infer(answers);
                var ms = sw.ElapsedMilliseconds;
                var diff = ReferenceData.MaxDifference(r.Posteriors, ReferenceData.Probabilities(d, m, answers));
                lines.Add($"{d} {m} diff={diff:E3} acc={ReferenceData.Accuracy(r, gold):F4} meta={ReferenceData.MetaAccuracy(d, m)} it={r.Iterations} {ms}ms");
            }
        }

        File.WriteAllLines("/tmp/cfx/probe.txt", lines);
    }
}
