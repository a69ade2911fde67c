using System.Text;

namespace CrowdFit.Reports;

/// <summary>Renders an <see cref="AnalysisReport"/> as Markdown: the same sections and numbers as the HTML, as tables instead of charts.</summary>
/// <remarks>Text from the log is escaped so that it cannot break a table or inject markup.</remarks>
public static partial class MarkdownReport
{
    /// <summary>Writes the report.</summary>
    /// <param name="report">The report.</param>
    /// <param name="writer">Where to write the Markdown.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(AnalysisReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write("# " + Escape(report.Title) + "\n\n");
        writer.Write("## Contents\n\n");
        var number = 0;
        foreach (var section in report.Sections)
        {
            number++;
            writer.Write($"{number}. [{section.Title}](#{section.Id}){(section.Measured ? "" : " (not measured)")}\n");
        }

        number = 0;
        foreach (var section in report.Sections)
        {
            number++;
            writer.Write($"\n<a id=\"{section.Id}\"></a>\n\n## {number}. {section.Title}\n\n");
            if (section.NotMeasuredBecause is { } reason)
            {
                writer.Write($"_Not measured: {Escape(reason)}._\n");
                continue;
            }

            Body(writer, section);
        }
    }

    /// <summary>Escapes Markdown and HTML specials and keeps text on one line.</summary>
    internal static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '&': builder.Append("&amp;"); break;
                case '\r' or '\n': builder.Append(' '); break;
                case '\\' or '|' or '*' or '_' or '`' or '[' or ']' or '#' or '~': builder.Append('\\').Append(c); break;
                case < ' ': builder.Append('\uFFFD'); break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }

    private static void Facts(TextWriter writer, params (string Name, string Value)[] facts)
    {
        foreach (var (name, value) in facts)
        {
            writer.Write($"- {name}: **{Escape(value)}**\n");
        }

        writer.Write('\n');
    }

    private static void Line(TextWriter writer, string text) => writer.Write(Escape(text) + "\n\n");

    /// <summary>A table; headers starting with '#' are right-aligned numbers (the '#' is not shown).</summary>
    private static void Table(TextWriter writer, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, int notShown = 0, string what = "rows")
    {
        writer.Write("| " + string.Join(" | ", headers.Select(h => Escape(h.TrimStart('#', '!', '@')))) + " |\n");
        writer.Write("|" + string.Concat(headers.Select(h => h.StartsWith('#') ? " ---: |" : " --- |")) + "\n");
        foreach (var row in rows)
        {
            writer.Write("| " + string.Join(" | ", row.Select(Escape)) + " |\n");
        }

        writer.Write('\n');
        if (notShown > 0)
        {
            Line(writer, $"… and {Markup.Count(notShown)} more {what} not shown.");
        }
    }
}
