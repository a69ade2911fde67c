using System.Globalization;
using System.Text;

namespace CrowdFit.Cli.Commands;

/// <summary>The accuracy table of <c>crowdfit bench truth</c>, with the peer's figures beside ours.</summary>
internal sealed class BenchTable(IReadOnlyList<string> methods, PeerTable peers, IReadOnlyDictionary<string, string> peerNames)
{
    private readonly List<(string Dataset, List<(double Accuracy, double Seconds)> Cells)> _rows = [];

    public int Count => _rows.Count;

    public void Add(string dataset, List<(double Accuracy, double Seconds)> cells) => _rows.Add((dataset, cells));

    /// <summary>One dataset as a progress line.</summary>
    public string Line(int row)
    {
        var (dataset, cells) = _rows[row];
        var parts = methods.Select((m, i) => string.Create(CultureInfo.InvariantCulture, $"{m} {BenchTruth.Format(cells[i].Accuracy)} ({cells[i].Seconds:F2}s)"));
        return $"{dataset}: {string.Join(", ", parts)}";
    }

    /// <summary>The whole table as Markdown: ours and the peer's per method, then the peer's best, then means.</summary>
    public string Markdown()
    {
        var text = new StringBuilder();
        var header = new List<string> { "dataset" };
        foreach (var m in methods)
        {
            header.Add(m);
            if (peerNames.TryGetValue(m, out var peer) && peers.Methods.Contains(peer))
            {
                header.Add($"Crowd-Kit {peer}");
            }
        }

        header.Add("Crowd-Kit best");
        text.Append("| ").AppendJoin(" | ", header).AppendLine(" |");
        text.Append('|').AppendJoin(string.Empty, header.Select((_, i) => i == 0 ? "---|" : "---:|")).AppendLine();

        var sums = new double[header.Count - 1];
        var counts = new int[header.Count - 1];
        foreach (var (dataset, cells) in _rows)
        {
            var row = new List<string> { dataset };
            var column = 0;
            for (var i = 0; i < methods.Count; i++)
            {
                row.Add(string.Create(CultureInfo.InvariantCulture, $"{BenchTruth.Format(cells[i].Accuracy)} ({cells[i].Seconds:F2}s)"));
                Accumulate(sums, counts, column++, cells[i].Accuracy);
                if (peerNames.TryGetValue(methods[i], out var peer) && peers.Methods.Contains(peer))
                {
                    var has = peers.TryGet(dataset, peer, out var accuracy, out var seconds);
                    row.Add(has ? string.Create(CultureInfo.InvariantCulture, $"{BenchTruth.Format(accuracy)} ({seconds:F2}s)") : "n/a");
                    Accumulate(sums, counts, column++, has ? accuracy : double.NaN);
                }
            }

            var best = peers.Best(dataset);
            row.Add(best is { } b ? $"{BenchTruth.Format(b.Accuracy)} {b.Method}" : "n/a");
            Accumulate(sums, counts, column, best?.Accuracy ?? double.NaN);
            text.Append("| ").AppendJoin(" | ", row).AppendLine(" |");
        }

        var mean = new List<string> { $"**mean of {_rows.Count}**" };
        for (var c = 0; c < sums.Length; c++)
        {
            mean.Add(counts[c] == _rows.Count ? $"**{BenchTruth.Format(sums[c] / counts[c])}**" : counts[c] == 0 ? "n/a" : $"({BenchTruth.Format(sums[c] / counts[c])} over {counts[c]})");
        }

        text.Append("| ").AppendJoin(" | ", mean).AppendLine(" |");
        return text.ToString();
    }

    private static void Accumulate(double[] sums, int[] counts, int column, double value)
    {
        if (!double.IsNaN(value))
        {
            sums[column] += value;
            counts[column]++;
        }
    }
}
