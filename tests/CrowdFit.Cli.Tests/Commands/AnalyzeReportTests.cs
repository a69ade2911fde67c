using System.Text.Json;
using CrowdFit.Simulation.Adversarial;

namespace CrowdFit.Cli.Tests.Commands;

public sealed class AnalyzeReportTests
{
    private static readonly AdversarialCrowdOptions s_crowd = new()
    {
        Seed = 11,
        Tasks = 300,
        AnswersPerTask = 3,
        Days = 3,
        GoldShare = 0.05,
        Honest = 15,
        Adversaries = [(AdversaryKind.ConstantSpammer, 1)],
    };

    [Theory]
    [InlineData("report.html")]
    [InlineData("nested/report.md")]
    [InlineData("report.json")]
    public void Run_Report_WritesTheReportInTheFormatOfItsExtensionBesideTheUsualFiles(string name)
    {
        using var folder = new TempFolder();
        var crowd = Simulate(folder);
        var report = folder.File(name);

        var (code, stdout, stderr) = Cli.Run("analyze", Path.Combine(crowd, "answers.csv"), "--gold", Path.Combine(crowd, "gold.csv"), "--out", folder.File("out"), "--report", report);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        Assert.Contains($"wrote the report to {report} (", stdout, StringComparison.Ordinal);
        Assert.Contains("wrote labels.csv, workers.csv, flags.csv, rings.csv, pay.csv", stdout, StringComparison.Ordinal);
        Assert.Matches(@"operations: agreement [\d.]+ %", stdout);
        var text = File.ReadAllText(report);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(report)!, "*.tmp"));
        switch (Path.GetExtension(name))
        {
            case ".html":
                Assert.StartsWith("<!DOCTYPE html>", text, StringComparison.Ordinal);
                Assert.Contains("<title>CrowdFit analysis report: answers.csv</title>", text, StringComparison.Ordinal);
                Assert.Contains("<section id=\"pay\"", text, StringComparison.Ordinal);
                Assert.Contains("<svg class=\"chart heatmap\"", text, StringComparison.Ordinal);
                Assert.DoesNotContain("<script", text, StringComparison.OrdinalIgnoreCase);
                break;
            case ".md":
                Assert.StartsWith("# CrowdFit analysis report: answers.csv\n", text, StringComparison.Ordinal);
                Assert.Contains("## 12. Operations metrics and scorecard", text, StringComparison.Ordinal);
                Assert.Contains("- Answers: **900**", text, StringComparison.Ordinal);
                break;
            default:
                using (var json = JsonDocument.Parse(text))
                {
                    var summary = json.RootElement.GetProperty("summary");
                    Assert.Equal(900, summary.GetProperty("answers").GetInt32());
                    Assert.Equal(16, summary.GetProperty("workers").GetInt32());
                    Assert.Equal(File.ReadLines(Path.Combine(crowd, "gold.csv")).Count() - 1, summary.GetProperty("goldTasks").GetInt32());
                    Assert.True(json.RootElement.GetProperty("gold").GetProperty("measured").GetBoolean());
                }

                break;
        }
    }

    [Theory]
    [InlineData("report.pdf")]
    [InlineData("report")]
    public void Run_ReportWithAnUnknownExtension_ExitsTwoBeforeAnyWork(string name)
    {
        using var folder = new TempFolder();
        var answers = folder.Write("a.csv", "task,worker,label\nt1,w1,cat\nt1,w2,dog\n");
        var output = folder.File("out");

        var (code, stdout, stderr) = Cli.Run("analyze", answers, "--out", output, "--report", folder.File(name));

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("crowdfit analyze: --report must name a .html, .htm, .md, .json file", stderr, StringComparison.Ordinal);
        Assert.Contains(name, stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
        Assert.False(File.Exists(folder.File(name)));
    }

    [Fact]
    public void Run_ReportOfAPlainLog_SaysWhichSectionsWereNotMeasured()
    {
        using var folder = new TempFolder();
        var answers = folder.Write("a.csv", "task,worker,label\nt1,w1,cat\nt1,w2,cat\nt1,w3,dog\nt2,w1,dog\nt2,w2,dog\nt2,w3,dog\n");
        var report = folder.File("r.md");

        var (code, _, stderr) = Cli.Run("analyze", answers, "--out", folder.File("out"), "--report", report);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        var text = File.ReadAllText(report);
        Assert.Contains("_Not measured: needs started\\_at and submitted\\_at._", text, StringComparison.Ordinal);
        Assert.Contains("_Not measured: no gold labels were given._", text, StringComparison.Ordinal);
        Assert.Contains("4. [Accuracy and speed](#speed) (not measured)", text, StringComparison.Ordinal);
    }

    private static string Simulate(TempFolder folder)
    {
        var directory = folder.File("crowd");
        AdversarialCrowd.Generate(s_crowd).WriteTo(directory);
        return directory;
    }
}
