using CrowdFit.Service.Keys;

namespace CrowdFit.Service.Dashboard;

/// <summary>
/// The dashboard's sign-in: the API key lives in an HttpOnly, SameSite=Strict cookie and is checked against the same
/// key ring and roles as the <c>X-Api-Key</c> header. Only analysts and admins may use the dashboard.
/// </summary>
internal static class DashboardSession
{
    public const string Cookie = "crowdfit_key";

    /// <summary>The signed-in key's name for the decision log, or null when the cookie is missing, unknown or of another role.</summary>
    public static string? AnalystOf(HttpContext context, KeyRing keys)
    {
        var key = context.Request.Cookies[Cookie];
        return key is { Length: > 0 } && keys.TryFind(key, out var row) && MayUse(row.Role)
            ? string.IsNullOrWhiteSpace(row.Name) ? $"key {row.Hash[..16]}" : row.Name
            : null;
    }

    public static bool MayUse(string role) => role is Roles.Admin or Roles.Analyst;

    public static void SignIn(HttpContext context, string key) => context.Response.Cookies.Append(Cookie, key, new CookieOptions
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = "/dashboard",
        IsEssential = true,
    });

    public static void SignOut(HttpContext context) => context.Response.Cookies.Delete(Cookie, new CookieOptions { Path = "/dashboard" });

    /// <summary>Sends requests without a usable dashboard key to the login page, remembering where they were going.</summary>
    public static async ValueTask<object?> RequireAnalyst(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        if (AnalystOf(context, context.RequestServices.GetRequiredService<KeyRing>()) is null)
        {
            var back = context.Request.Path + context.Request.QueryString;
            return TypedResults.Redirect($"/dashboard/login?returnUrl={Uri.EscapeDataString(back)}");
        }

        return await next(invocation);
    }

    /// <summary>The local dashboard path to go back to, or the dashboard's start when it is missing or leads elsewhere.</summary>
    public static string SafeReturn(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl.StartsWith("/dashboard/", StringComparison.Ordinal) && !returnUrl.Contains("//", StringComparison.Ordinal)
            && !returnUrl.Contains('\\', StringComparison.Ordinal)
            ? returnUrl
            : "/dashboard/";
}
