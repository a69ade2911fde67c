using System.Xml.Linq;

namespace CrowdFit.Reports.Tests;

public sealed class SvgChartsTests
{
    [Fact]
    public void Bars_TwoSeries_DrawsOneBarPerCategoryAndSeriesWithTitleAndReference()
    {
        var svg = Parse(SvgCharts.Bars("Shares", ["a", "b", "c"], [new ChartSeries("x", [1, 2, 3]), new ChartSeries("y", [3, 2, 1])], "share", 2.5, "floor"));

        Assert.Equal(6, Marks(svg, "bar"));
        Assert.Single(Marks(svg, "line", "reference"));
        AssertAccessible(svg, "Shares");
    }

    [Fact]
    public void StackedBars_SkipsZeroSegments()
    {
        var svg = Parse(SvgCharts.StackedBars("Hours", ["00", "01", "02", "03"], [new ChartSeries("honest", [5, 0, 2, 1]), new ChartSeries("flagged", [1, 1, 0, 0])], "hour", "answers"));

        Assert.Equal(5, Marks(svg, "bar"));
        AssertAccessible(svg, "Hours");
    }

    [Fact]
    public void HeatMap_DrawsEveryCellIncludingEmptyOnes()
    {
        IReadOnlyList<IReadOnlyList<double?>> values = [[0.9, 0.1, 0], [null, null, null], [0.2, 0.3, 0.5]];

        var svg = Parse(SvgCharts.HeatMap("Crowd", ["a", "b", "c"], ["a", "b", "c"], values, "truth", "answer"));

        Assert.Equal(9, Marks(svg, "cell"));
        Assert.Equal(3, svg.Descendants("rect").Count(r => r.Attribute("fill")?.Value == "#eeeeee"));
        AssertAccessible(svg, "Crowd");
    }

    [Fact]
    public void Scatter_LogAxis_LeavesOutPointsItCannotPlace()
    {
        ScatterPoint[] points = [new(1, 0.5, "a", false), new(10, 0.9, "b", true), new(0, 0.7, "c", false), new(double.NaN, 0.1, "d", false), new(100, 0.2, "e", false)];

        var svg = Parse(SvgCharts.Scatter("Speed", points, "seconds", "accuracy", true, "flagged", "other"));

        Assert.Equal(3, Marks(svg, "point"));
        Assert.Single(svg.Descendants("circle"), c => c.Attribute("class")!.Value.Contains("highlight", StringComparison.Ordinal));
        Assert.Contains(svg.Descendants("text"), t => t.Value == "100");
        AssertAccessible(svg, "Speed");
    }

    [Fact]
    public void Line_MarksAlertsAndBreaksAtMissingValues()
    {
        var svg = Parse(SvgCharts.Line("Agreement", ["d1", "d2", "d3", "d4"], [0.8, null, 0.7, 0.9], [false, false, true, false], "day", "agreement", "alert"));

        Assert.Equal(3, Marks(svg, "point"));
        Assert.Single(svg.Descendants("circle"), c => c.Attribute("class")!.Value.Contains("marked", StringComparison.Ordinal));
        Assert.Equal(2, svg.Descendants("path").Single().Attribute("d")!.Value.Count(c => c == 'M'));
        AssertAccessible(svg, "Agreement");
    }

    [Fact]
    public void Histogram_OpenLastBinAndReferenceLine()
    {
        HistogramBin[] bins = [new(0, 5, 3), new(5, 10, 4), new(10, 15, 1), new(15, null, 2)];

        var svg = Parse(SvgCharts.Histogram("Pay", bins, "pay", "workers", 7.25, "floor 7.25"));

        Assert.Equal(4, Marks(svg, "bar"));
        Assert.Single(Marks(svg, "line", "reference"));
        Assert.Contains(svg.Descendants("text"), t => t.Value == "≥ 15");
        Assert.Contains(svg.Descendants("text"), t => t.Value == "floor 7.25");
        AssertAccessible(svg, "Pay");
    }

    [Fact]
    public void Charts_HostileText_IsEscapedAndStaysWellFormed()
    {
        const string Hostile = "<script>alert('x')</script>&\"\u0001";

        var bars = SvgCharts.Bars(Hostile, [Hostile], [new ChartSeries(Hostile, [1])], Hostile);
        var heat = SvgCharts.HeatMap(Hostile, [Hostile], [Hostile], [[0.5]], Hostile, Hostile);
        var scatter = SvgCharts.Scatter(Hostile, [new ScatterPoint(1, 1, Hostile, true)], Hostile, Hostile, false, Hostile, Hostile);

        foreach (var svg in (string[])[bars, heat, scatter])
        {
            Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("&lt;script&gt;", svg, StringComparison.Ordinal);
            Parse(svg);
        }
    }

    [Fact]
    public void Bars_SeriesOfTheWrongLength_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => SvgCharts.Bars("t", ["a", "b"], [new ChartSeries("x", [1])], "v"));

        Assert.Contains("'x' has 1 values; there are 2 categories", error.Message, StringComparison.Ordinal);
    }

    private static XElement Parse(string svg) => XElement.Parse(svg);

    private static int Marks(XElement svg, string css) => svg.Descendants().Count(e => HasClass(e, css));

    private static IEnumerable<XElement> Marks(XElement svg, string element, string css) => svg.Descendants(element).Where(e => HasClass(e, css));

    private static bool HasClass(XElement e, string css) => e.Attribute("class")?.Value.Split(' ').Contains(css) == true;

    private static void AssertAccessible(XElement svg, string title)
    {
        Assert.Equal("svg", svg.Name.LocalName);
        Assert.Equal("img", svg.Attribute("role")?.Value);
        Assert.StartsWith(title, svg.Attribute("aria-label")?.Value, StringComparison.Ordinal);
        Assert.Equal(title, svg.Element("title")?.Value);
        Assert.NotEmpty(svg.Attribute("viewBox")!.Value);
    }
}
