using CrowdFit.Service;
using CrowdFit.Service.Answers;
using CrowdFit.Service.Appeals;
using CrowdFit.Service.Assignments;
using CrowdFit.Service.Dashboard;
using CrowdFit.Service.Errors;
using CrowdFit.Service.Findings;
using CrowdFit.Service.Keys;
using CrowdFit.Service.Labels;
using CrowdFit.Service.Projects;
using CrowdFit.Service.Review;
using CrowdFit.Service.Storage;
using CrowdFit.Service.Workforce;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Json;
using Scalar.AspNetCore;

CrowdFitServer.Build(args).Run();

/// <summary>The CrowdFit service's entry point, and the list of its services and endpoints that <see cref="CrowdFitServer"/> builds.</summary>
public partial class Program
{
    /// <summary>Registers every feature's services; new features add their line here.</summary>
    internal static void AddServices(WebApplicationBuilder builder, ServiceSettings settings)
    {
        var database = Database.FromConfiguration(builder.Configuration, builder.Environment.ContentRootPath);

        builder.Services.Configure<ServiceSettings>(builder.Configuration.GetSection("Service"));
        builder.Services.AddSingleton(database);
        builder.Services.AddDbContext<CrowdFitDb>(database.Configure);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ProjectCatalog>();
        builder.Services.AddSingleton<KeyRing>();
        builder.Services.AddSingleton<CommitQueue>();
        builder.Services.AddHostedService<StoreStartup>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CommitQueue>());
        builder.Services.AddReview();

        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(o => o.SerializerOptions.AllowTrailingCommas = false);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestHandler>();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = settings.MaxBodyBytes);
        builder.Services.AddAuthentication(ApiKeyHandler.SchemeName).AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, null);
        builder.Services.AddPolicies();
        builder.Services.AddKeyRateLimits(settings);
        builder.Services.AddOpenApi();
        builder.Services.AddDashboard();
    }

    /// <summary>The middleware, then every feature's endpoints; new features add their line here.</summary>
    internal static void MapEndpoints(WebApplication app, ServiceSettings settings)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseBodyLimit(settings.MaxBodyBytes);
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();

        app.MapOpenApi();
        app.MapScalarApiReference();
        app.MapProjects();
        app.MapTasks();
        app.MapAnswers();
        app.MapAssignments();
        app.MapLabels();
        app.MapKeys();
        app.MapReview();
        app.MapAppeals();
        app.MapReports();
        app.MapRings();
        app.MapDrift();
        app.MapMe();
        app.MapWorkforce();
        app.MapDashboard();
    }
}
