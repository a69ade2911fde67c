namespace CrowdFit.Formats.Interchange;

/// <summary>
/// A platform's export format: besides the answers, reading tells which rows were left out and which gold labels
/// the export carries, and the format says which canonical columns its files can hold.
/// </summary>
public interface IPlatformExport : IAnswerFormat
{
    /// <summary>The canonical columns (<see cref="CanonicalColumns.Names"/>) a file written in this format keeps; others are lost.</summary>
    IReadOnlyList<string> WrittenColumns { get; }

    /// <summary>Reads the answers, the rows left out and the gold labels of an export.</summary>
    /// <param name="path">The export.</param>
    /// <exception cref="AnswerFormatException">The file is missing or malformed; the message names file, line and field.</exception>
    ExportContents ReadExport(string path);
}
