using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

using static CrowdFit.Service.Tests.TestContextExtensions;

namespace CrowdFit.Service.Tests.Dashboard;

/// <summary>Reads pages and posts their forms the way a browser would: cookies kept, redirects not followed.</summary>
internal static partial class DashboardForms
{
    public static HttpClient Browser(ServiceApp app) =>
        app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Issues a key with the admin client and returns it.</summary>
    public static async Task<string> IssueKeyAsync(HttpClient admin, object request)
    {
        var response = await admin.PostAsJsonAsync("/api/keys", request, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await ServiceApp.JsonAsync(response)).GetProperty("key").GetString()!;
    }

    /// <summary>The anti-forgery token of the first form on the page.</summary>
    public static string TokenOf(string html)
    {
        var match = TokenField().Match(html);
        Assert.True(match.Success, "the page has no anti-forgery field");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Opens the login page and posts the key with its token.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string key, string returnUrl = "/dashboard/")
    {
        var page = await browser.GetStringAsync("/dashboard/login", Ct);
        return await PostAsync(browser, "/dashboard/login", TokenOf(page), ("key", key), ("returnUrl", returnUrl));
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient browser, string path, string? token, params (string Name, string Value)[] fields)
    {
        var all = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        if (token is not null)
        {
            all.Add(new("__RequestVerificationToken", token));
        }

        return browser.PostAsync(path, new FormUrlEncodedContent(all), Ct);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
