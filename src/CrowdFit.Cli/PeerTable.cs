using System.Globalization;

namespace CrowdFit.Cli;

/// <summary>
/// Accuracy figures of a peer system read from a Markdown table such as <c>data/truth/PEERS.md</c>: a
/// header row naming the dataset column and one column per peer method, cells like <c>0.7593 (0.08s)</c>.
/// </summary>
internal sealed class PeerTable
{
    private readonly Dictionary<(string Dataset, string Method), (double Accuracy, double? Seconds)> _cells = [];

    private PeerTable(IReadOnlyList<string> methods) => Methods = methods;

    /// <summary>Peer method names, in column order.</summary>
    public IReadOnlyList<string> Methods { get; }

    /// <summary>Reads the first table whose header starts with <c>dataset</c>; an empty table when the file is absent.</summary>
    public static PeerTable Read(string path)
    {
        if (!File.Exists(path))
        {
            return new PeerTable([]);
        }

        string[]? header = null;
        PeerTable? table = null;
        foreach (var line in File.ReadLines(path))
        {
            if (!line.StartsWith('|'))
            {
                if (table is not null)
                {
                    break;
                }

                continue;
            }

            var cells = line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (header is null)
            {
                if (cells.Length > 0 && cells[0].Equals("dataset", StringComparison.OrdinalIgnoreCase))
                {
                    header = cells;
                    table = new PeerTable(cells.Skip(1).Where(IsMethodColumn).ToArray());
                }

                continue;
            }

            for (var c = 1; c < Math.Min(cells.Length, header.Length); c++)
            {
                if (TryParseCell(cells[c], out var accuracy, out var seconds))
                {
                    table!._cells[(cells[0], header[c])] = (accuracy, seconds);
                }
            }
        }

        return table ?? new PeerTable([]);
    }

    /// <summary>The peer's accuracy and fit seconds on a dataset, if the table has them.</summary>
    public bool TryGet(string dataset, string method, out double accuracy, out double? seconds)
    {
        var found = _cells.TryGetValue((dataset, method), out var cell);
        (accuracy, seconds) = cell;
        return found;
    }

    /// <summary>The best peer accuracy on a dataset and the method that reached it.</summary>
    public (string Method, double Accuracy)? Best(string dataset)
    {
        (string, double)? best = null;
        foreach (var method in Methods)
        {
            if (TryGet(dataset, method, out var accuracy, out _) && (best is null || accuracy > best.Value.Item2))
            {
                best = (method, accuracy);
            }
        }

        return best;
    }

    private static bool IsMethodColumn(string name) =>
        !string.IsNullOrEmpty(name) && !(name is "tasks" or "workers" or "answers" or "K" or "gold");

    private static bool TryParseCell(string cell, out double accuracy, out double? seconds)
    {
        seconds = null;
        var parts = cell.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out accuracy))
        {
            accuracy = double.NaN;
            return false;
        }

        if (parts.Length == 2)
        {
            var inner = parts[1].Trim('(', ')').TrimEnd('s');
            if (double.TryParse(inner, NumberStyles.Float, CultureInfo.InvariantCulture, out var s))
            {
                seconds = s;
            }
        }

        return true;
    }
}
