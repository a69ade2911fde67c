namespace CrowdFit.Reports;

/// <summary>The file formats a report is written in.</summary>
public enum ReportFormat
{
    /// <summary>One self-contained HTML file with charts (<c>.html</c>, <c>.htm</c>).</summary>
    Html,

    /// <summary>Markdown (<c>.md</c>).</summary>
    Markdown,

    /// <summary>JSON (<c>.json</c>).</summary>
    Json,
}
