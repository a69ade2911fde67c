using System.Diagnostics;
using System.Globalization;
using System.Text;
using CrowdFit.Formats;
using CrowdFit.Truth;

namespace CrowdFit.Cli.Commands;

/// <summary>
/// <c>crowdfit bench truth</c>: every method on every dataset of a folder. Gold is used only to score the
/// labels, never as input to the methods.
/// </summary>
internal static class BenchTruth
{
    /// <summary>Crowd-Kit's name for each of our methods, as PEERS.md spells it.</summary>
    private static readonly Dictionary<string, string> s_peerNames = new(StringComparer.Ordinal)
    {
        ["mv"] = "MajorityVote",
        ["wawa"] = "Wawa",
        ["ds"] = "DawidSkene",
        ["onecoin"] = "OneCoinDawidSkene",
        ["glad"] = "GLAD",
    };

    public static int Run(string folder, IReadOnlyList<string>? methodNames, string? reportPath, TextWriter stdout, TextWriter stderr)
    {
        var names = methodNames ?? TruthMethods.Names;
        foreach (var name in names)
        {
            if (!TruthMethods.Names.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                stderr.WriteLine($"crowdfit bench truth: --methods: unknown method '{name}'; expected one of: {string.Join(", ", TruthMethods.Names)}.");
                return 2;
            }
        }

        if (!Directory.Exists(folder))
        {
            stderr.WriteLine($"crowdfit bench truth: folder not found: {folder}");
            return 2;
        }

        var datasets = Directory.GetFiles(folder, "*.answers.csv")
            .Select(path => Path.GetFileName(path)[..^".answers.csv".Length])
            .Where(name => File.Exists(Path.Combine(folder, name + ".gold.csv")))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (datasets.Count == 0)
        {
            stderr.WriteLine($"crowdfit bench truth: no <name>.answers.csv + <name>.gold.csv pairs in {folder}");
            return 2;
        }

        var peers = PeerTable.Read(Path.Combine(folder, "PEERS.md"));
        var table = new BenchTable(names, peers, s_peerNames);
        return InputErrors.Guard("bench truth", stderr, () =>
        {
            foreach (var dataset in datasets)
            {
                var log = AnswerLogReader.Read(Path.Combine(folder, dataset + ".answers.csv"), Path.Combine(folder, dataset + ".gold.csv"));
                var row = new List<(double Accuracy, double Seconds)>();
                foreach (var name in names)
                {
                    var method = TruthMethods.Create(name);
                    var clock = Stopwatch.StartNew();
                    var result = method.Infer(log.Answers);
                    row.Add((Accuracy(result, log.Gold!), clock.Elapsed.TotalSeconds));
                }

                table.Add(dataset, row);
                stdout.WriteLine(table.Line(table.Count - 1));
            }

            var markdown = table.Markdown();
            stdout.WriteLine();
            stdout.Write(markdown);
            if (reportPath is not null)
            {
                File.WriteAllText(reportPath, markdown, new UTF8Encoding(false));
            }
        });
    }

    private static double Accuracy(TruthResult result, Answers.GoldLabels gold)
    {
        var right = 0;
        for (var t = 0; t < gold.TaskCount; t++)
        {
            if (gold[t] != Answers.GoldLabels.None && result.Label(t) == gold[t])
            {
                right++;
            }
        }

        return gold.Count == 0 ? double.NaN : (double)right / gold.Count;
    }

    internal static string Format(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
}
