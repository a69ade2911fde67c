namespace CrowdFit.Reports;

public static partial class SvgCharts
{
    /// <summary>A histogram of bins with an optional vertical reference line (for example the pay floor).</summary>
    /// <param name="title">Chart title.</param>
    /// <param name="bins">Adjacent bins in order; an open last bin is drawn as wide as the one before it and labelled "≥".</param>
    /// <param name="xAxis">Title of the x axis.</param>
    /// <param name="yAxis">Title of the y axis (the counts).</param>
    /// <param name="reference">Where to draw the reference line, in x values; <see langword="null"/> for none.</param>
    /// <param name="referenceLabel">Label of the reference line.</param>
    /// <returns>The SVG element, with one element of class <c>bar</c> per bin and one of class <c>reference</c> when the line is in range.</returns>
    public static string Histogram(string title, IReadOnlyList<HistogramBin> bins, string xAxis, string yAxis, double? reference = null, string? referenceLabel = null)
    {
        ArgumentNullException.ThrowIfNull(bins);
        const double Left = 64;
        var right = Width - 20;
        const double Height = 300;
        var bottom = Height - 52;
        var top = Top + 10;
        var svg = new SvgWriter("histogram", Width, Height, title, $"{bins.Count} bins, {bins.Sum(b => b.Count)} values");
        if (bins.Count == 0)
        {
            svg.Text((Left + right) / 2, (top + bottom) / 2, "no values", "middle", fill: SvgWriter.Muted);
            return svg.ToString();
        }

        var open = bins[^1].To is null;
        var last = bins[^1].To ?? (bins[^1].From + (bins.Count > 1 ? bins[^2].To!.Value - bins[^2].From : 1));
        var closedEnd = open ? bins[^1].From : last;
        var x = Axis.Covering(bins[0].From, closedEnd, 8);
        var plotRight = open ? right - ((right - Left) / (bins.Count + 1)) : right;
        var y = Axis.Covering(0, Math.Max(1, bins.Max(b => b.Count)));
        svg.XAxis(x, Left, plotRight, bottom, top, xAxis);
        svg.YAxis(y, top, bottom, Left, right, yAxis);
        foreach (var bin in bins)
        {
            var x0 = bin.To is null ? plotRight : x.Map(bin.From, Left, plotRight);
            var x1 = bin.To is { } to ? x.Map(to, Left, plotRight) : right;
            var y0 = y.Map(bin.Count, bottom, top);
            var range = bin.To is { } end ? $"{SvgCharts.Format(bin.From)} to {SvgCharts.Format(end)}" : $"{SvgCharts.Format(bin.From)} or more";
            svg.Rect(x0 + 0.5, y0, x1 - x0 - 1, bottom - y0, bin.To is null ? "#7a9cc6" : SvgWriter.Color(0), "bar", $"{range}: {Markup.Count(bin.Count)}");
        }

        if (open)
        {
            svg.Text((plotRight + right) / 2, bottom + 16, "≥ " + SvgCharts.Format(bins[^1].From), "middle", 11, SvgWriter.Muted);
        }

        if (reference is { } at && at >= x.Min && at <= closedEnd)
        {
            var rx = x.Map(at, Left, plotRight);
            svg.Line(rx, top - 6, rx, bottom, SvgWriter.Highlight, 2, "6 3", "reference");
            svg.Text(rx + 4, top + 4, referenceLabel ?? SvgCharts.Format(at), size: 11, fill: SvgWriter.Highlight, weight: "600");
        }

        return svg.ToString();
    }
}
