namespace CrowdFit.Formats.Interchange;

/// <summary>What an export holds: the answers, the rows that hold none, and the gold labels it carries.</summary>
/// <param name="Answers">The answers in the canonical columns.</param>
/// <param name="Skipped">Rows left out, by reason; empty when every row is an answer.</param>
/// <param name="Gold">Gold labels, one per task, in the order first found; empty when the export carries none.</param>
public sealed record ExportContents(AnswerTable Answers, IReadOnlyList<SkippedRows> Skipped, IReadOnlyList<GoldLabel> Gold)
{
    /// <summary>Number of rows left out, over all reasons.</summary>
    public int SkippedCount => Skipped.Sum(s => s.Count);

    /// <summary>
    /// Reads a file in <paramref name="format"/>: through <see cref="IPlatformExport.ReadExport"/> when the format is
    /// a platform export, otherwise its answers with nothing skipped and no gold.
    /// </summary>
    /// <param name="format">The file's format.</param>
    /// <param name="path">The file.</param>
    /// <exception cref="AnswerFormatException">The file is missing or malformed.</exception>
    public static ExportContents Read(IAnswerFormat format, string path)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(path);
        return format is IPlatformExport export ? export.ReadExport(path) : new ExportContents(format.Read(path), [], []);
    }

    /// <summary>Writes <see cref="Gold"/> as a canonical gold file, <c>task,label</c>.</summary>
    /// <param name="stream">Where to write; left open.</param>
    public void WriteGold(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var writer = new DelimitedWriter(stream, (byte)',');
        writer.Cell("task");
        writer.Cell("label");
        writer.EndRow();
        foreach (var gold in Gold)
        {
            writer.Cell(gold.Task);
            writer.Cell(gold.Label);
            writer.EndRow();
        }

        writer.Flush();
    }
}
