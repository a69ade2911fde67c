using CrowdFit.Service.Keys;
using Microsoft.AspNetCore.Antiforgery;

namespace CrowdFit.Service.Dashboard;

/// <summary><c>/dashboard</c>: server-rendered pages for analysts, signed in with an analyst or admin API key (SPEC F3).</summary>
internal static class DashboardApi
{
    public static IServiceCollection AddDashboard(this IServiceCollection services) => services.AddAntiforgery();

    public static RouteGroupBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/dashboard").ExcludeFromDescription();
        group.MapGet("/login", Login);
        group.MapPost("/login", SignInAsync);
        group.MapPost("/logout", SignOutAsync);
        group.MapGet("/", Start).AddEndpointFilter(DashboardSession.RequireAnalyst);
        group.MapGet("/projects/{id}", ProjectPage.RenderAsync).AddEndpointFilter(DashboardSession.RequireAnalyst);
        group.MapGet("/projects/{id}/review", ReviewPage.RenderAsync).AddEndpointFilter(DashboardSession.RequireAnalyst);
        group.MapGet("/projects/{id}/rings", RingsPage.Render).AddEndpointFilter(DashboardSession.RequireAnalyst);
        group.MapGet("/projects/{id}/drift", DriftPage.RenderAsync).AddEndpointFilter(DashboardSession.RequireAnalyst);
        group.MapGet("/projects/{id}/pay", PayPage.RenderAsync).AddEndpointFilter(DashboardSession.RequireAnalyst);
        group.MapPost("/projects/{id}/review/{case}/{decision}", ReviewPage.DecideAsync).AddEndpointFilter(DashboardSession.RequireAnalyst);
        group.MapGet("/appeals", AppealsPage.RenderAsync).AddEndpointFilter(DashboardSession.RequireAnalyst);
        group.MapPost("/appeals/{appeal}/answer", AppealsPage.AnswerAsync).AddEndpointFilter(DashboardSession.RequireAnalyst);
        return group;
    }

    /// <summary>Validates the form's anti-forgery token; null when it holds, else the 400 page.</summary>
    public static async Task<IResult?> CheckFormAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!context.Request.HasFormContentType)
        {
            return new Html().Element("p", "Send the page's form.", "error").Page("Bad request", null, status: StatusCodes.Status400BadRequest);
        }

        try
        {
            await antiforgery.ValidateRequestAsync(context);
            return null;
        }
        catch (AntiforgeryValidationException)
        {
            return new Html().Element("p", "The form expired or did not come from this dashboard; open the page again and resend it.", "error")
                .Raw("<p><a href=\"/dashboard/login\">Sign in</a></p>").Page("Bad request", null, status: StatusCodes.Status400BadRequest);
        }
    }

    private static IResult Login(string? returnUrl, HttpContext context, IAntiforgery antiforgery) => LoginForm(context, antiforgery, returnUrl, null);

    private static IResult LoginForm(HttpContext context, IAntiforgery antiforgery, string? returnUrl, string? error)
    {
        var html = new Html();
        if (error is not null)
        {
            html.Element("p", error, "error");
        }

        html.Raw("<section><form method=\"post\" action=\"/dashboard/login\">").Antiforgery(antiforgery.GetAndStoreTokens(context))
            .Raw("<input type=\"hidden\" name=\"returnUrl\" value=\"").Text(DashboardSession.SafeReturn(returnUrl)).Raw("\">")
            .Raw("<p><label for=\"key\">API key (analyst or admin)</label><br><input id=\"key\" name=\"key\" type=\"password\" size=\"60\" autocomplete=\"off\" required></p>")
            .Raw("<button type=\"submit\">Sign in</button></form></section>");
        return html.Page("Sign in", null, status: error is null ? StatusCodes.Status200OK : StatusCodes.Status401Unauthorized);
    }

    private static async Task<IResult> SignInAsync(HttpContext context, IAntiforgery antiforgery, KeyRing keys)
    {
        if (await CheckFormAsync(context, antiforgery) is { } bad)
        {
            return bad;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var key = form["key"].ToString().Trim();
        var returnUrl = form["returnUrl"].ToString();
        if (key.Length == 0 || !keys.TryFind(key, out var row))
        {
            return LoginForm(context, antiforgery, returnUrl, "That API key is not known.");
        }

        if (!DashboardSession.MayUse(row.Role))
        {
            return LoginForm(context, antiforgery, returnUrl, $"A {row.Role} key may not use the dashboard; sign in with an analyst or admin key.");
        }

        DashboardSession.SignIn(context, key);
        return TypedResults.Redirect(DashboardSession.SafeReturn(returnUrl));
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (await CheckFormAsync(context, antiforgery) is { } bad)
        {
            return bad;
        }

        DashboardSession.SignOut(context);
        return TypedResults.Redirect("/dashboard/login");
    }

    private static IResult Start(HttpContext context, IAntiforgery antiforgery, Projects.ProjectCatalog catalog)
    {
        var html = new Html().Raw("<section><ul>");
        foreach (var id in catalog.All.Select(p => p.Id).Order(StringComparer.Ordinal))
        {
            html.Raw("<li><a href=\"/dashboard/projects/").Text(Uri.EscapeDataString(id)).Raw("\">").Text(id).Raw("</a></li>");
        }

        return html.Raw("</ul></section>").Page("Projects", antiforgery.GetAndStoreTokens(context));
    }
}
