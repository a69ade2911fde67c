using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

using static CrowdFit.Service.Tests.TestContextExtensions;

namespace CrowdFit.Service.Tests.Dashboard;

/// <summary>
/// The service on a real socket (port chosen by the system, background review syncing off) and one page of headless
/// Chromium at 1366x900 that records every request leaving the service's origin. Disposing closes the browser and
/// stops the service.
/// </summary>
internal sealed class BrowserSession : IAsyncDisposable
{
    /// <summary>Debian's Chromium; Playwright's own browser download does not work offline.</summary>
    public const string Chromium = "/usr/bin/chromium";

    // Without the background-networking flags Chromium keeps retrying connections the closed network refuses.
    private static readonly string[] s_chromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private readonly WebApplication _app;
    private readonly List<HttpClient> _clients = [];
    private readonly List<string> _outside = [];
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IPage? _page;

    private BrowserSession(WebApplication app, Uri root)
    {
        _app = app;
        Root = root;
    }

    /// <summary>The folder the screenshots go to, under the test output.</summary>
    public static string Shots { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "dashboard");

    /// <summary>The service's address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Root { get; }

    /// <summary>The browser page.</summary>
    public IPage Page => _page ?? throw new InvalidOperationException("the browser is not open");

    /// <summary>The addresses of the requests the page sent anywhere but the service; the dashboard must need none.</summary>
    public IReadOnlyList<string> Outside => _outside;

    /// <summary>Starts the service on the SQLite file and opens the browser.</summary>
    /// <param name="databasePath">The SQLite file.</param>
    /// <param name="settings">More configuration, over the defaults; null for none.</param>
    public static async Task<BrowserSession> StartAsync(string databasePath, IReadOnlyDictionary<string, string?>? settings = null)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing; install it with: apt-get update && apt-get install -y --no-install-recommends chromium");
        var all = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Sqlite"] = $"Data Source={databasePath}",
            ["Service:AdminKey"] = ServiceApp.AdminKey,
            ["Review:SyncSeconds"] = "0",
            ["urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var app = CrowdFitServer.Build([], all);
        await app.StartAsync(Ct);
        var session = new BrowserSession(app, new Uri(app.Urls.First()));
        try
        {
            await session.OpenBrowserAsync();
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }

        return session;
    }

    /// <summary>A client of the service sending <paramref name="key"/>; disposed with the session.</summary>
    public HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = Root };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        _clients.Add(client);
        return client;
    }

    /// <summary>Opens <paramref name="path"/>, which sends the browser to the sign-in page, and signs in there with <paramref name="key"/>.</summary>
    public async Task SignInAsync(string path, string key)
    {
        await Page.GotoAsync(new Uri(Root, path).AbsoluteUri);
        await EnterKeyAsync(path, key);
    }

    /// <summary>On the sign-in page, submits <paramref name="key"/> and waits to be sent back to <paramref name="path"/>.</summary>
    public async Task EnterKeyAsync(string path, string key)
    {
        await Page.FillAsync("#key", key);
        await Page.ClickAsync("button[type=submit]:has-text('Sign in')");
        await Page.WaitForURLAsync("**" + path);
    }

    /// <summary>A full-page screenshot into <see cref="Shots"/> under <paramref name="name"/>.</summary>
    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, name), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await _app.StopAsync(Ct);
        await _app.DisposeAsync();
    }

    private async Task OpenBrowserAsync()
    {
        Directory.CreateDirectory(Shots);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = s_chromiumArgs });
        _page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        var origin = Root.GetLeftPart(UriPartial.Authority);
        _page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(origin, StringComparison.Ordinal))
            {
                lock (_outside)
                {
                    _outside.Add(request.Url);
                }
            }
        };
    }
}
