using Microsoft.Playwright;

namespace CrowdFit.Reports.Tests;

/// <summary>Opens the HTML report of a simulated crowd in headless Chromium and checks what a person would see.</summary>
public sealed class BrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task HtmlReport_InChromium_ShowsEverySectionAndChartAndLoadsNothingFromOutside()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing; install it with: apt-get update && apt-get install -y --no-install-recommends chromium");
        using var folder = new TempFolder();
        var inputs = Analyses.Simulated(folder);
        var report = AnalysisReportBuilder.Build(inputs);
        var path = folder.File("report.html");
        using (var writer = new StreamWriter(path))
        {
            HtmlReport.Write(report, writer);
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        var outside = new List<string>();
        page.Request += (_, request) =>
        {
            if (!IsLocal(request.Url))
            {
                lock (outside)
                {
                    outside.Add(request.Url);
                }
            }
        };
        await page.RouteAsync("**/*", route => IsLocal(route.Request.Url) ? route.ContinueAsync() : route.AbortAsync());

        await page.GotoAsync(new Uri(path).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });

        Assert.Equal(report.Title, await page.TitleAsync());
        Assert.Equal(report.Title, await page.Locator("h1").InnerTextAsync());
        var number = 0;
        foreach (var section in report.Sections)
        {
            number++;
            var heading = page.Locator($"section#{section.Id} > h2");
            Assert.True(await heading.IsVisibleAsync(), $"heading of {section.Id}");
            Assert.Equal($"{number}. {section.Title}", await heading.InnerTextAsync());
            Assert.True(await page.Locator($"nav a[href='#{section.Id}']").IsVisibleAsync(), $"contents link to {section.Id}");
            Assert.True(section.Measured, $"{section.Id}: {section.NotMeasuredBecause}");
        }

        var charts = await page.Locator("main svg.chart").AllAsync();
        Assert.True(charts.Count >= 14, $"{charts.Count} charts");
        foreach (var chart in charts)
        {
            var box = await chart.BoundingBoxAsync();
            Assert.True(box is { Width: > 50, Height: > 50 }, $"chart '{await chart.GetAttributeAsync("aria-label")}' is {box?.Width}x{box?.Height}");
        }

        var labels = report.Confusion.Labels.Count;
        Assert.Equal(labels * labels, await page.Locator("section#confusion figure").First.Locator("rect.cell").CountAsync());
        Assert.Equal(report.Confusion.Workers.Count + 1, await page.Locator("section#confusion svg.heatmap").CountAsync());
        Assert.True(report.Flags.Workers.Count > 0);
        Assert.Equal(report.Flags.Workers.Count, await page.Locator("section#flags table.flagged tbody tr").CountAsync());
        Assert.Equal(report.Speed.Points.Count, await page.Locator("section#speed circle.point").CountAsync());
        Assert.Equal(report.Flags.Workers[0].Worker, await page.Locator("section#flags table.flagged tbody tr").First.Locator("td").First.InnerTextAsync());

        var screenshot = Path.Combine(AppContext.BaseDirectory, "TestResults", "report.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 10_000);
        Assert.Empty(outside);
    }

    private static bool IsLocal(string url) => url.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("data:", StringComparison.OrdinalIgnoreCase);
}
