using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CrowdFit.Reports.Tests;

public sealed partial class RendererTests
{
    private const string Hostile = "<script>alert(1)</script>";

    [Fact]
    public void Html_HostileWorkerId_IsEscapedEverywhere()
    {
        using var folder = new TempFolder();
        var report = AnalysisReportBuilder.Build(Analyses.HandMade(folder, hostileWorker: Hostile));

        var html = Html(report);

        Assert.Contains(report.Confusion.Workers, m => m.Name == Hostile);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_IsSelfContained_NoUrlNoScriptEverySvgWellFormed()
    {
        using var folder = new TempFolder();
        var report = AnalysisReportBuilder.Build(Analyses.HandMade(folder));

        var html = Html(report);

        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.Ordinal);
        Assert.DoesNotContain("url(", html, StringComparison.Ordinal);
        var svgs = SvgPattern().Matches(html).Select(m => XElement.Parse(m.Value)).ToArray();
        Assert.True(svgs.Length >= 10, $"{svgs.Length} charts");
        Assert.All(svgs, svg => Assert.Equal("img", svg.Attribute("role")?.Value));
        Assert.All(svgs, svg => Assert.NotNull(svg.Element("title")));
    }

    [Fact]
    public void Html_HasATableOfContentsLinkingToEverySection()
    {
        using var folder = new TempFolder();
        var report = AnalysisReportBuilder.Build(Analyses.HandMade(folder, context: false, gold: false));

        var html = Html(report);

        foreach (var section in report.Sections)
        {
            Assert.Contains($"<a href=\"#{section.Id}\">{section.Title}</a>", html, StringComparison.Ordinal);
            Assert.Contains($"<section id=\"{section.Id}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("Not measured: needs started_at and submitted_at.", html, StringComparison.Ordinal);
        Assert.Contains("Not measured: no gold labels were given.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_CarriesTheModelsNumbersAndEscapesIds()
    {
        using var folder = new TempFolder();
        var report = AnalysisReportBuilder.Build(Analyses.HandMade(folder, hostileWorker: "a|b<c>"));

        var markdown = Markdown(report);

        Assert.StartsWith("# CrowdFit analysis report: answers.csv\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| cat | 13 | 54.2 % | 4 | 66.7 % |", markdown, StringComparison.Ordinal);
        Assert.Contains("| dog | 11 | 45.8 % | 2 | 33.3 % |", markdown, StringComparison.Ordinal);
        Assert.Contains("| cat | 75.0 % | 25.0 % | 16 |", markdown, StringComparison.Ordinal);
        Assert.Contains("- Answers: **24**", markdown, StringComparison.Ordinal);
        Assert.Contains("a\\|b&lt;c&gt;", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("a|b<c>", markdown, StringComparison.Ordinal);
        var number = 0;
        foreach (var section in report.Sections)
        {
            number++;
            Assert.Contains($"\n## {number}. {section.Title}\n", markdown, StringComparison.Ordinal);
            Assert.Contains($"[{section.Title}](#{section.Id})", markdown, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Json_ReadsBackWithTheModelsNumbers()
    {
        using var folder = new TempFolder();
        var report = AnalysisReportBuilder.Build(Analyses.HandMade(folder));

        var json = new StringWriter();
        JsonReport.Write(report, json);
        using var document = JsonDocument.Parse(json.ToString());
        var root = document.RootElement;

        Assert.Equal(report.Title, root.GetProperty("title").GetString());
        Assert.Equal(24, root.GetProperty("summary").GetProperty("answers").GetInt32());
        Assert.Equal("mv", root.GetProperty("summary").GetProperty("method").GetString());
        var labels = root.GetProperty("labels").GetProperty("labels");
        Assert.Equal(13, labels[0].GetProperty("answers").GetInt32());
        Assert.Equal(report.Labels.Labels[0].AnswerShare, labels[0].GetProperty("answerShare").GetDouble());
        Assert.Equal(0.875, root.GetProperty("confusion").GetProperty("crowd").GetProperty("shares")[1][1].GetDouble());
        Assert.Equal(report.Pay.Hours, root.GetProperty("pay").GetProperty("hours").GetDouble());
        Assert.Equal(report.Speed.Points.Select(p => p.MedianSeconds!.Value), root.GetProperty("speed").GetProperty("points").EnumerateArray().Select(p => p.GetProperty("medianSeconds").GetDouble()));
        Assert.Equal(report.Operations.All!.AgreementRate!.Value, root.GetProperty("operations").GetProperty("all").GetProperty("agreementRate").GetDouble());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("gold").GetProperty("notMeasuredBecause").ValueKind);
        Assert.Equal(0.75, root.GetProperty("gold").GetProperty("passRate").GetDouble());
    }

    [Fact]
    public void Json_NotMeasuredSections_GiveTheReasonAndNullNumbers()
    {
        using var folder = new TempFolder();
        var report = AnalysisReportBuilder.Build(Analyses.HandMade(folder, context: false, gold: false));

        var json = new StringWriter();
        JsonReport.Write(report, json);
        using var document = JsonDocument.Parse(json.ToString());
        var root = document.RootElement;

        Assert.Equal("no gold labels were given", root.GetProperty("gold").GetProperty("notMeasuredBecause").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("gold").GetProperty("passRate").ValueKind);
        Assert.False(root.GetProperty("speed").GetProperty("measured").GetBoolean());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("summary").GetProperty("firstAnswer").ValueKind);
    }

    [Theory]
    [InlineData("r.html", ReportFormat.Html)]
    [InlineData("r.HTM", ReportFormat.Html)]
    [InlineData("dir/r.md", ReportFormat.Markdown)]
    [InlineData("r.Json", ReportFormat.Json)]
    [InlineData("r.pdf", null)]
    [InlineData("report", null)]
    public void FormatOf_FollowsTheExtension(string path, ReportFormat? format) => Assert.Equal(format, ReportWriter.FormatOf(path));

    private static string Html(AnalysisReport report)
    {
        var html = new StringWriter();
        HtmlReport.Write(report, html);
        return html.ToString();
    }

    private static string Markdown(AnalysisReport report)
    {
        var markdown = new StringWriter();
        MarkdownReport.Write(report, markdown);
        return markdown.ToString();
    }

    [GeneratedRegex("<svg .*?</svg>", RegexOptions.Singleline)]
    private static partial Regex SvgPattern();
}
