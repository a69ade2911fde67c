namespace CrowdFit.Reports;

public static partial class SvgCharts
{
    /// <summary>A heat map of values in [0, 1], one cell per row and column, with the value written in cells large enough.</summary>
    /// <param name="title">Chart title.</param>
    /// <param name="rows">Row names, top to bottom.</param>
    /// <param name="columns">Column names, left to right.</param>
    /// <param name="values"><c>values[r][c]</c> in [0, 1]; <see langword="null"/> for an empty cell, drawn hatched grey.</param>
    /// <param name="rowAxis">Title of the row axis.</param>
    /// <param name="columnAxis">Title of the column axis.</param>
    /// <returns>The SVG element, with exactly rows × columns elements of class <c>cell</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="values"/> is not rows × columns.</exception>
    public static string HeatMap(string title, IReadOnlyList<string> rows, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<double?>> values, string rowAxis, string columnAxis)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != rows.Count || values.Any(r => r.Count != columns.Count))
        {
            throw new ArgumentException($"Expected {rows.Count} rows of {columns.Count} values.", nameof(values));
        }

        var cell = Math.Clamp(300.0 / Math.Max(1, Math.Max(rows.Count, columns.Count)), 16, 40);
        var longestRow = rows.Select(r => Math.Min(r.Length, 14)).DefaultIfEmpty(1).Max();
        var longestColumn = columns.Select(c => Math.Min(c.Length, 14)).DefaultIfEmpty(1).Max();
        var slanted = longestColumn * 6.2 > cell;
        var left = 34 + (longestRow * 6.4) + 8;
        var top = Top + 4;
        var gridBottom = top + (rows.Count * cell);
        var below = slanted ? (longestColumn * 6.2 * 0.7) + 24 : 22;
        var width = Math.Max(left + (columns.Count * cell) + 16, 260);
        var height = gridBottom + below + 22;
        var svg = new SvgWriter("heatmap", width, height, title, $"{rows.Count} by {columns.Count} cells; darker is a larger share");
        for (var r = 0; r < rows.Count; r++)
        {
            var y = top + (r * cell);
            svg.Text(left - 6, y + (cell / 2) + 4, Markup.Shorten(rows[r], 14), "end", 11);
            for (var c = 0; c < columns.Count; c++)
            {
                var x = left + (c * cell);
                var value = values[r][c];
                var tip = $"{rowAxis} {rows[r]}, {columnAxis} {columns[c]}: {(value is { } v ? Markup.Percent(v) : "no answers")}";
                svg.Rect(x, y, cell - 1, cell - 1, value is { } share ? Shade(share) : "#eeeeee", "cell", tip);
                if (value is { } shown && cell >= 26)
                {
                    svg.Text(x + (cell / 2), y + (cell / 2) + 4, Math.Round(shown * 100).ToString("0", Markup.Invariant), "middle", 10, shown > 0.55 ? "#ffffff" : SvgWriter.Ink);
                }
            }
        }

        for (var c = 0; c < columns.Count; c++)
        {
            var x = left + (c * cell) + (cell / 2);
            var label = Markup.Shorten(columns[c], 14);
            if (slanted)
            {
                svg.Text(x + 3, gridBottom + 10, label, "end", 11, SvgWriter.Muted, rotate: -40);
            }
            else
            {
                svg.Text(x, gridBottom + 14, label, "middle", 11, SvgWriter.Muted);
            }
        }

        svg.Text(left + (columns.Count * cell / 2), height - 6, columnAxis, "middle", css: "axis-title");
        svg.Text(14, top + (rows.Count * cell / 2), rowAxis, "middle", rotate: -90, css: "axis-title");
        return svg.ToString();
    }

    /// <summary>A blue from near white (0) to dark (1).</summary>
    private static string Shade(double share)
    {
        var t = Math.Clamp(share, 0, 1);
        var r = (int)Math.Round(247 + ((8 - 247) * t));
        var g = (int)Math.Round(251 + ((48 - 251) * t));
        var b = (int)Math.Round(255 + ((107 - 255) * t));
        return $"#{r:x2}{g:x2}{b:x2}";
    }
}
