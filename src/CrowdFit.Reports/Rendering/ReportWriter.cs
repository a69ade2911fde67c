namespace CrowdFit.Reports;

/// <summary>Chooses the format of a report from its file name and writes it.</summary>
public static class ReportWriter
{
    /// <summary>The file extensions understood, in the order they are listed in messages.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".html", ".htm", ".md", ".json"];

    /// <summary>The format for a path's extension (ignoring case); <see langword="null"/> when it is none of <see cref="Extensions"/>.</summary>
    /// <param name="path">A file path.</param>
    /// <returns>The format, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static ReportFormat? FormatOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".HTML" or ".HTM" => ReportFormat.Html,
            ".MD" => ReportFormat.Markdown,
            ".JSON" => ReportFormat.Json,
            _ => null,
        };
    }

    /// <summary>Writes the report in a format.</summary>
    /// <param name="report">The report.</param>
    /// <param name="format">The format.</param>
    /// <param name="writer">Where to write.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not defined.</exception>
    public static void Write(AnalysisReport report, ReportFormat format, TextWriter writer)
    {
        switch (format)
        {
            case ReportFormat.Html: HtmlReport.Write(report, writer); break;
            case ReportFormat.Markdown: MarkdownReport.Write(report, writer); break;
            case ReportFormat.Json: JsonReport.Write(report, writer); break;
            default: throw new ArgumentOutOfRangeException(nameof(format), format, "Not a report format.");
        }
    }
}
