namespace CrowdFit.Reports;

/// <summary>Writes HTML: raw markup as given, text escaped; with tables, fact lists and figures.</summary>
internal sealed class HtmlWriter(TextWriter writer)
{
    public HtmlWriter Raw(string markup)
    {
        writer.Write(markup);
        return this;
    }

    public HtmlWriter Text(string? text)
    {
        writer.Write(Markup.Escape(text));
        return this;
    }

    public HtmlWriter Paragraph(string text, string? css = null)
    {
        Raw(css is null ? "<p>" : $"<p class=\"{css}\">").Text(text).Raw("</p>\n");
        return this;
    }

    /// <summary>A list of headline numbers.</summary>
    public void Facts(params (string Name, string Value)[] facts)
    {
        Raw("<dl class=\"facts\">\n");
        foreach (var (name, value) in facts)
        {
            Raw("<div><dt>").Text(name).Raw("</dt><dd>").Text(value).Raw("</dd></div>\n");
        }

        Raw("</dl>\n");
    }

    /// <summary>A figure holding one chart (already escaped SVG) and its caption.</summary>
    public void Figure(string svg, string caption)
    {
        Raw("<figure>\n").Raw(svg).Raw("\n<figcaption>").Text(caption).Raw("</figcaption>\n</figure>\n");
    }

    /// <summary>
    /// A table. Columns whose header starts with '#' are numeric (right-aligned; the '#' is not shown); a header
    /// starting with '!' marks a column of long text.
    /// </summary>
    public void Table(string css, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, int notShown = 0, string what = "rows")
    {
        var kinds = headers.Select(h => h.StartsWith('#') ? "num" : h.StartsWith('!') ? "reasons" : h.StartsWith('@') ? "id" : null).ToArray();
        Raw("<div class=\"table-wrap\"><table class=\"").Raw(css).Raw("\">\n<thead><tr>");
        for (var i = 0; i < headers.Count; i++)
        {
            Raw(kinds[i] == "num" ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">").Text(kinds[i] is null ? headers[i] : headers[i][1..]).Raw("</th>");
        }

        Raw("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            Raw("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                Raw(kinds[i] is { } kind ? $"<td class=\"{kind}\">" : "<td>").Text(row[i]).Raw("</td>");
            }

            Raw("</tr>\n");
        }

        Raw("</tbody>\n</table></div>\n");
        if (notShown > 0)
        {
            Paragraph($"… and {Markup.Count(notShown)} more {what} not shown.", "note");
        }
    }
}
