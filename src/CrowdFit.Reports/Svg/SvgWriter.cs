using System.Text;

namespace CrowdFit.Reports;

/// <summary>Writes one inline SVG element: escaped text, invariant coordinates, a title for screen readers.</summary>
/// <remarks>
/// The SVG carries no <c>xmlns</c>: inside HTML it is not needed, and leaving it out keeps every URL out of the
/// report. Standalone, the fragment is still well-formed XML.
/// </remarks>
internal sealed class SvgWriter
{
    public const string Font = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif";
    public const string Ink = "#222";
    public const string Muted = "#555";
    public const string Grid = "#e3e3e3";
    public const string Highlight = "#D55E00";

    private static readonly string[] s_palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#8C6D31", "#F0E442", "#6B4C9A", "#000000"];

    private readonly StringBuilder _svg = new();

    public SvgWriter(string kind, double width, double height, string title, string description)
    {
        Width = width;
        Height = height;
        _svg.Append("<svg class=\"chart ").Append(kind).Append("\" role=\"img\" viewBox=\"0 0 ").Append(Markup.Coordinate(width)).Append(' ').Append(Markup.Coordinate(height))
            .Append("\" width=\"").Append(Markup.Coordinate(width)).Append("\" height=\"").Append(Markup.Coordinate(height))
            .Append("\" aria-label=\"").Append(Markup.Escape(title + ". " + description)).Append("\" font-family=\"").Append(Font).Append("\" font-size=\"12\">")
            .Append("<title>").Append(Markup.Escape(title)).Append("</title>")
            .Append("<desc>").Append(Markup.Escape(description)).Append("</desc>");
        Text(8, 18, title, "start", 14, weight: "600");
    }

    public double Width { get; }

    public double Height { get; }

    /// <summary>Colour <paramref name="index"/> of a palette that stays apart for colour-blind readers (Okabe and Ito).</summary>
    public static string Color(int index) => s_palette[index % s_palette.Length];

    public void Text(double x, double y, string text, string anchor = "start", double size = 12, string fill = Ink, string? weight = null, double rotate = 0, string? css = null)
    {
        _svg.Append("<text x=\"").Append(Markup.Coordinate(x)).Append("\" y=\"").Append(Markup.Coordinate(y)).Append('"');
        if (anchor != "start")
        {
            _svg.Append(" text-anchor=\"").Append(anchor).Append('"');
        }

        if (size != 12)
        {
            _svg.Append(" font-size=\"").Append(Markup.Coordinate(size)).Append('"');
        }

        if (fill != Ink)
        {
            _svg.Append(" fill=\"").Append(fill).Append('"');
        }

        if (weight is not null)
        {
            _svg.Append(" font-weight=\"").Append(weight).Append('"');
        }

        if (rotate != 0)
        {
            _svg.Append(" transform=\"rotate(").Append(Markup.Coordinate(rotate)).Append(' ').Append(Markup.Coordinate(x)).Append(' ').Append(Markup.Coordinate(y)).Append(")\"");
        }

        if (css is not null)
        {
            _svg.Append(" class=\"").Append(css).Append('"');
        }

        _svg.Append('>').Append(Markup.Escape(text)).Append("</text>");
    }

    public void Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? dash = null, string? css = null)
    {
        _svg.Append("<line x1=\"").Append(Markup.Coordinate(x1)).Append("\" y1=\"").Append(Markup.Coordinate(y1))
            .Append("\" x2=\"").Append(Markup.Coordinate(x2)).Append("\" y2=\"").Append(Markup.Coordinate(y2))
            .Append("\" stroke=\"").Append(stroke).Append('"');
        if (width != 1)
        {
            _svg.Append(" stroke-width=\"").Append(Markup.Coordinate(width)).Append('"');
        }

        if (dash is not null)
        {
            _svg.Append(" stroke-dasharray=\"").Append(dash).Append('"');
        }

        if (css is not null)
        {
            _svg.Append(" class=\"").Append(css).Append('"');
        }

        _svg.Append("/>");
    }

    /// <summary>A rectangle with an optional tooltip (a <c>title</c> child).</summary>
    public void Rect(double x, double y, double width, double height, string fill, string css, string? tooltip = null, string? stroke = null)
    {
        _svg.Append("<rect class=\"").Append(css).Append("\" x=\"").Append(Markup.Coordinate(x)).Append("\" y=\"").Append(Markup.Coordinate(y))
            .Append("\" width=\"").Append(Markup.Coordinate(Math.Max(0, width))).Append("\" height=\"").Append(Markup.Coordinate(Math.Max(0, height)))
            .Append("\" fill=\"").Append(fill).Append('"');
        if (stroke is not null)
        {
            _svg.Append(" stroke=\"").Append(stroke).Append('"');
        }

        Close("rect", tooltip);
    }

    public void Circle(double x, double y, double radius, string fill, string css, string? tooltip = null, string? stroke = null)
    {
        _svg.Append("<circle class=\"").Append(css).Append("\" cx=\"").Append(Markup.Coordinate(x)).Append("\" cy=\"").Append(Markup.Coordinate(y))
            .Append("\" r=\"").Append(Markup.Coordinate(radius)).Append("\" fill=\"").Append(fill).Append('"');
        if (stroke is not null)
        {
            _svg.Append(" stroke=\"").Append(stroke).Append("\" stroke-width=\"1.5\"");
        }

        Close("circle", tooltip);
    }

    public void Path(string data, string stroke, double width, string css)
    {
        _svg.Append("<path class=\"").Append(css).Append("\" d=\"").Append(data).Append("\" fill=\"none\" stroke=\"").Append(stroke)
            .Append("\" stroke-width=\"").Append(Markup.Coordinate(width)).Append("\"/>");
    }

    /// <summary>A row of legend entries starting at (<paramref name="x"/>, <paramref name="y"/>), wrapping before <paramref name="right"/>.</summary>
    public void Legend(double x, double y, double right, IEnumerable<(string Name, string Color)> entries)
    {
        var at = x;
        foreach (var (name, color) in entries)
        {
            var label = Markup.Shorten(name, 40);
            var width = 18 + (label.Length * 6.6) + 14;
            if (at + width > right && at > x)
            {
                at = x;
                y += 16;
            }

            Rect(at, y - 9, 11, 11, color, "legend-key");
            Text(at + 15, y, label, size: 11, fill: Muted);
            at += width;
        }
    }

    /// <summary>A horizontal value axis at <paramref name="y"/> with ticks, grid lines up to <paramref name="top"/> and a title.</summary>
    public void XAxis(Axis axis, double left, double right, double y, double top, string title, Func<double, string>? label = null)
    {
        foreach (var tick in axis.Ticks)
        {
            var x = axis.Map(tick, left, right);
            Line(x, top, x, y, Grid);
            Line(x, y, x, y + 4, Muted);
            Text(x, y + 16, label?.Invoke(tick) ?? axis.Label(tick), "middle", 11, Muted);
        }

        Line(left, y, right, y, Muted);
        Text((left + right) / 2, y + 34, title, "middle", 12, Ink, css: "axis-title");
    }

    /// <summary>A vertical value axis at <paramref name="x"/> with ticks, grid lines across to <paramref name="right"/> and a title.</summary>
    public void YAxis(Axis axis, double top, double bottom, double x, double right, string title, Func<double, string>? label = null)
    {
        foreach (var tick in axis.Ticks)
        {
            var y = axis.Map(tick, bottom, top);
            Line(x, y, right, y, Grid);
            Line(x - 4, y, x, y, Muted);
            Text(x - 7, y + 4, label?.Invoke(tick) ?? axis.Label(tick), "end", 11, Muted);
        }

        Line(x, top, x, bottom, Muted);
        Text(14, (top + bottom) / 2, title, "middle", 12, Ink, rotate: -90, css: "axis-title");
    }

    public override string ToString() => _svg.ToString() + "</svg>";

    private void Close(string element, string? tooltip)
    {
        if (tooltip is null)
        {
            _svg.Append("/>");
            return;
        }

        _svg.Append("><title>").Append(Markup.Escape(tooltip)).Append("</title></").Append(element).Append('>');
    }
}
