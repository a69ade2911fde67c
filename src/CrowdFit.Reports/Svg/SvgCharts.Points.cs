namespace CrowdFit.Reports;

public static partial class SvgCharts
{
    /// <summary>A scatter of points, highlighted ones drawn last and larger, with an optional logarithmic x axis.</summary>
    /// <param name="title">Chart title.</param>
    /// <param name="points">The points; non-finite ones (and, on a log axis, those at or below 0) are not drawn.</param>
    /// <param name="xAxis">Title of the x axis.</param>
    /// <param name="yAxis">Title of the y axis.</param>
    /// <param name="logX">Whether the x axis is logarithmic (base 10).</param>
    /// <param name="highlightName">Legend text for highlighted points.</param>
    /// <param name="otherName">Legend text for the others.</param>
    /// <returns>The SVG element, with one element of class <c>point</c> per drawn point.</returns>
    public static string Scatter(string title, IReadOnlyList<ScatterPoint> points, string xAxis, string yAxis, bool logX, string highlightName, string otherName)
    {
        ArgumentNullException.ThrowIfNull(points);
        var drawn = points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y) && (!logX || p.X > 0)).ToArray();
        const double Left = 64;
        var right = Width - 20;
        const double Height = 340;
        var bottom = Height - 52;
        var top = Top + 14;
        var svg = new SvgWriter("scatter", Width, Height, title, $"{drawn.Length} points, {drawn.Count(p => p.Highlight)} highlighted");
        Func<double, double> toX = logX ? Math.Log10 : x => x;
        var xs = drawn.Select(p => toX(p.X)).DefaultIfEmpty(0).ToArray();
        var ys = drawn.Select(p => p.Y).DefaultIfEmpty(0).ToArray();
        var x = logX ? Decades(xs.Min(), xs.Max()) : Axis.Covering(xs.Min(), xs.Max());
        var y = Axis.Covering(ys.Min(), ys.Max());
        svg.XAxis(x, Left, right, bottom, top, xAxis, logX ? t => SvgCharts.Format(Math.Pow(10, t)) : null);
        svg.YAxis(y, top, bottom, Left, right, yAxis);
        svg.Legend(Left, Top - 6, right, [(otherName, SvgWriter.Color(0)), (highlightName, SvgWriter.Highlight)]);
        foreach (var p in drawn.Where(p => !p.Highlight).Concat(drawn.Where(p => p.Highlight)))
        {
            var tip = $"{p.Label}: {SvgCharts.Format(p.X)}, {SvgCharts.Format(p.Y)}";
            var cx = x.Map(toX(p.X), Left, right);
            var cy = y.Map(p.Y, bottom, top);
            if (p.Highlight)
            {
                svg.Circle(cx, cy, 4.5, SvgWriter.Highlight, "point highlight", tip, "#ffffff");
            }
            else
            {
                svg.Circle(cx, cy, 3.2, SvgWriter.Color(0), "point", tip);
            }
        }

        return svg.ToString();
    }

    /// <summary>A line through the values with a marker on each; marked values get a larger marker in the highlight colour.</summary>
    /// <param name="title">Chart title.</param>
    /// <param name="categories">Category names along the x axis; only as many labels as fit are written.</param>
    /// <param name="values">One value per category; <see langword="null"/> breaks the line.</param>
    /// <param name="marked">Per category, whether to mark it (for example an alert); same length as <paramref name="values"/>.</param>
    /// <param name="xAxis">Title of the x axis.</param>
    /// <param name="yAxis">Title of the y axis.</param>
    /// <param name="markedName">Legend text for marked values.</param>
    /// <param name="valueLabel">Formats y-axis ticks; plain numbers when null.</param>
    /// <returns>The SVG element, with one element of class <c>point</c> per non-null value.</returns>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    public static string Line(string title, IReadOnlyList<string> categories, IReadOnlyList<double?> values, IReadOnlyList<bool> marked, string xAxis, string yAxis, string markedName, Func<double, string>? valueLabel = null)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(marked);
        if (values.Count != categories.Count || marked.Count != categories.Count)
        {
            throw new ArgumentException($"Expected {categories.Count} values and marks; got {values.Count} and {marked.Count}.", nameof(values));
        }

        const double Left = 64;
        var right = Width - 20;
        const double Height = 320;
        var slot = (right - Left) / Math.Max(1, categories.Count);
        var every = EveryNth(categories, slot);
        var bottom = Height - (Slanted(categories, slot * every) ? 80 : 50);
        var top = Top + 14;
        var known = values.Where(v => v is { } d && double.IsFinite(d)).Select(v => v!.Value).DefaultIfEmpty(0).ToArray();
        var svg = new SvgWriter("line", Width, Height, title, $"{known.Length} values, {marked.Count(m => m)} marked");
        var spread = known.Max() - known.Min();
        var y = Axis.Covering(known.Min() - (spread * 0.1), known.Max() + (spread * 0.1));
        svg.YAxis(y, top, bottom, Left, right, yAxis, valueLabel);
        svg.Legend(Left, Top - 6, right, [(yAxis, SvgWriter.Color(0)), (markedName, SvgWriter.Highlight)]);
        var path = new System.Text.StringBuilder();
        var pen = false;
        for (var c = 0; c < categories.Count; c++)
        {
            if (values[c] is { } v && double.IsFinite(v))
            {
                path.Append(pen ? " L" : (path.Length > 0 ? " M" : "M")).Append(Markup.Coordinate(Left + ((c + 0.5) * slot))).Append(' ').Append(Markup.Coordinate(y.Map(v, bottom, top)));
                pen = true;
            }
            else
            {
                pen = false;
            }
        }

        svg.Path(path.ToString(), SvgWriter.Color(0), 2, "series");
        for (var c = 0; c < categories.Count; c++)
        {
            var cx = Left + ((c + 0.5) * slot);
            if (values[c] is { } v && double.IsFinite(v))
            {
                var tip = $"{categories[c]}: {valueLabel?.Invoke(v) ?? SvgCharts.Format(v)}{(marked[c] ? " (" + markedName + ")" : "")}";
                if (marked[c])
                {
                    svg.Circle(cx, y.Map(v, bottom, top), 5.5, SvgWriter.Highlight, "point marked", tip, "#ffffff");
                }
                else
                {
                    svg.Circle(cx, y.Map(v, bottom, top), 3, SvgWriter.Color(0), "point", tip);
                }
            }

            if (c % every == 0)
            {
                svg.Line(cx, bottom, cx, bottom + 4, SvgWriter.Muted);
                CategoryLabel(svg, cx, bottom, categories[c], slot * every);
            }
        }

        svg.Line(Left, bottom, right, bottom, SvgWriter.Muted);
        svg.Text((Left + right) / 2, Height - 6, xAxis, "middle", css: "axis-title");
        return svg.ToString();
    }

    /// <summary>An axis of whole powers of ten (in log10 units) covering [<paramref name="low"/>, <paramref name="high"/>].</summary>
    private static Axis Decades(double low, double high)
    {
        var from = Math.Floor(low);
        var to = Math.Max(Math.Ceiling(high), from + 1);
        return Axis.Covering(from, to, (int)Math.Min(8, to - from));
    }
}
