namespace CrowdFit.Reports;

/// <summary>
/// Small inline SVG charts with axes, ticks, labels and a title: bars, stacked bars, a heat map, a scatter, a line
/// with markers and a histogram with a reference line.
/// </summary>
/// <remarks>
/// Each method returns one <c>&lt;svg&gt;</c> element with <c>role="img"</c>, an <c>aria-label</c> and a
/// <c>&lt;title&gt;</c>; every text is escaped, so ids from user files are safe. The element is well-formed XML with
/// no namespace declaration and no URL. Drawn marks carry a class to find them by: <c>bar</c> for bars and bins,
/// <c>cell</c> for heat-map cells, <c>point</c> for markers and <c>reference</c> for reference lines.
/// </remarks>
public static partial class SvgCharts
{
    private const double Width = 720;
    private const double Top = 40;
    private const double LabelChars = 28;

    /// <summary>Horizontal bars, one group per category and one bar per series, with an optional vertical reference line.</summary>
    /// <param name="title">Chart title.</param>
    /// <param name="categories">Category names, drawn top to bottom.</param>
    /// <param name="series">The series; each has one value per category.</param>
    /// <param name="valueAxis">Title of the value axis.</param>
    /// <param name="reference">Where to draw the reference line, in values; <see langword="null"/> for none.</param>
    /// <param name="referenceLabel">Label of the reference line.</param>
    /// <returns>The SVG element.</returns>
    /// <exception cref="ArgumentException">A series has not one value per category.</exception>
    public static string Bars(string title, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series, string valueAxis, double? reference = null, string? referenceLabel = null)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        CheckSeries(categories, series);
        var left = LeftMargin(categories);
        var right = Width - 24;
        var barHeight = series.Count == 1 ? 18 : 12;
        var group = (barHeight * series.Count) + 8;
        var legend = series.Count > 1 ? 20 : 0;
        var top = Top + legend;
        var bottom = top + Math.Max(1, categories.Count) * group;
        var svg = new SvgWriter("bars", Width, bottom + 48, title, $"{categories.Count} categories, {series.Count} series");
        var values = series.SelectMany(s => s.Values).Where(double.IsFinite).DefaultIfEmpty(0).ToArray();
        var axis = Axis.Covering(Math.Min(0, values.Min()), Math.Max(Math.Max(values.Max(), reference ?? 0), 1e-9));
        svg.XAxis(axis, left, right, bottom, top, valueAxis);
        if (series.Count > 1)
        {
            svg.Legend(left, Top - 6, right, series.Select((s, i) => (s.Name, s.Color ?? SvgWriter.Color(i))));
        }

        for (var c = 0; c < categories.Count; c++)
        {
            var y = top + (c * group) + 4;
            svg.Text(left - 6, y + (group / 2) - 2, Markup.Shorten(categories[c], (int)LabelChars), "end", 11);
            for (var s = 0; s < series.Count; s++)
            {
                var value = series[s].Values[c];
                if (!double.IsFinite(value))
                {
                    continue;
                }

                var x0 = axis.Map(Math.Min(0, value), left, right);
                var x1 = axis.Map(Math.Max(0, value), left, right);
                var tip = $"{categories[c]}: {(series.Count > 1 ? series[s].Name + " " : "")}{Format(value)}";
                svg.Rect(x0, y + (s * barHeight), x1 - x0, barHeight - 2, series[s].Color ?? SvgWriter.Color(s), "bar", tip);
                if (series.Count == 1)
                {
                    svg.Text(x1 + 4, y + barHeight - 5, Format(value), size: 10, fill: SvgWriter.Muted);
                }
            }
        }

        if (reference is { } at && at >= axis.Min && at <= axis.Max)
        {
            var x = axis.Map(at, left, right);
            svg.Line(x, top - 4, x, bottom, SvgWriter.Highlight, 2, "6 3", "reference");
            svg.Text(x + 4, top + 8, referenceLabel ?? Format(at), size: 11, fill: SvgWriter.Highlight);
        }

        return svg.ToString();
    }

    /// <summary>Vertical stacked bars: one stack per category, one segment per series, with a legend.</summary>
    /// <param name="title">Chart title.</param>
    /// <param name="categories">Category names, drawn left to right; only as many labels as fit are written.</param>
    /// <param name="series">The series, stacked bottom up; each has one value per category.</param>
    /// <param name="categoryAxis">Title of the category axis.</param>
    /// <param name="valueAxis">Title of the value axis.</param>
    /// <param name="valueLabel">Formats value-axis ticks; plain numbers when null.</param>
    /// <returns>The SVG element; a segment of 0 (or a non-finite value) is not drawn.</returns>
    /// <exception cref="ArgumentException">A series has not one value per category.</exception>
    public static string StackedBars(string title, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series, string categoryAxis, string valueAxis, Func<double, string>? valueLabel = null)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        CheckSeries(categories, series);
        const double Left = 64;
        var right = Width - (series.Count > 1 ? 150 : 20);
        const double Height = 320;
        var slot = (right - Left) / Math.Max(1, categories.Count);
        var every = EveryNth(categories, slot);
        var bottom = Height - (Slanted(categories, slot * every) ? 80 : 50);
        var svg = new SvgWriter("stacked", Width, Height, title, $"{categories.Count} stacks of {series.Count} series");
        var totals = Enumerable.Range(0, categories.Count).Select(c => series.Sum(s => double.IsFinite(s.Values[c]) && s.Values[c] > 0 ? s.Values[c] : 0)).DefaultIfEmpty(0).ToArray();
        var axis = Axis.Covering(0, Math.Max(totals.Max(), 1e-9));
        svg.YAxis(axis, Top, bottom, Left, right, valueAxis, valueLabel);
        for (var c = 0; c < categories.Count; c++)
        {
            var x = Left + (c * slot) + (slot * 0.1);
            var stacked = 0.0;
            for (var s = 0; s < series.Count; s++)
            {
                var value = series[s].Values[c];
                if (!double.IsFinite(value) || value <= 0)
                {
                    continue;
                }

                var y1 = axis.Map(stacked, bottom, Top);
                var y0 = axis.Map(stacked + value, bottom, Top);
                svg.Rect(x, y0, slot * 0.8, y1 - y0, series[s].Color ?? SvgWriter.Color(s), "bar", $"{categories[c]}: {series[s].Name} {valueLabel?.Invoke(value) ?? Format(value)}");
                stacked += value;
            }

            if (c % every == 0)
            {
                CategoryLabel(svg, x + (slot * 0.4), bottom, categories[c], slot * every);
            }
        }

        svg.Text((Left + right) / 2, Height - 6, categoryAxis, "middle", css: "axis-title");
        if (series.Count > 1)
        {
            var y = Top + 6;
            for (var s = series.Count - 1; s >= 0; s--)
            {
                svg.Rect(right + 14, y - 9, 11, 11, series[s].Color ?? SvgWriter.Color(s), "legend-key");
                svg.Text(right + 30, y, Markup.Shorten(series[s].Name, 18), size: 11, fill: SvgWriter.Muted);
                y += 16;
            }
        }

        return svg.ToString();
    }

    /// <summary>A number for a label: no decimals from 100 on, two below.</summary>
    internal static string Format(double value) => Math.Abs(value) >= 100 ? value.ToString("N0", Markup.Invariant) : value.ToString("0.##", Markup.Invariant);

    private static void CheckSeries(IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series)
    {
        foreach (var s in series)
        {
            if (s.Values.Count != categories.Count)
            {
                throw new ArgumentException($"Series '{s.Name}' has {s.Values.Count} values; there are {categories.Count} categories.", nameof(series));
            }
        }
    }

    private static double LeftMargin(IReadOnlyList<string> categories) =>
        Math.Clamp((categories.Select(c => Math.Min(c.Length, LabelChars)).DefaultIfEmpty(4).Max() * 6.4) + 16, 56, 220);

    /// <summary>Writes every n-th category label so that labels do not overlap.</summary>
    private static int EveryNth(IReadOnlyList<string> categories, double slot)
    {
        var longest = categories.Select(c => Math.Min(c.Length, 16)).DefaultIfEmpty(1).Max();
        var needed = longest <= 3 ? (longest * 7) + 4 : 16;
        return Math.Max(1, (int)Math.Ceiling(needed / Math.Max(slot, 1e-9)));
    }

    /// <summary>Whether some written category label is longer than its room and so drawn slanted.</summary>
    private static bool Slanted(IReadOnlyList<string> categories, double room) => categories.Any(c => Markup.Shorten(c, 12).Length * 6.4 > room);

    /// <summary>A category label under the axis: level when short, slanted when longer than its room.</summary>
    private static void CategoryLabel(SvgWriter svg, double x, double bottom, string text, double room)
    {
        var label = Markup.Shorten(text, 12);
        if (label.Length * 6.4 <= room)
        {
            svg.Text(x, bottom + 16, label, "middle", 11, SvgWriter.Muted);
        }
        else
        {
            svg.Text(x + 3, bottom + 12, label, "end", 10, SvgWriter.Muted, rotate: -40);
        }
    }
}
