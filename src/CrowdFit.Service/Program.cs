using CrowdFit.Service;
using CrowdFit.Service.Answers;
using CrowdFit.Service.Assignments;
using CrowdFit.Service.Errors;
using CrowdFit.Service.Keys;
using CrowdFit.Service.Labels;
using CrowdFit.Service.Projects;
using CrowdFit.Service.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Json;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
var settings = builder.Configuration.GetSection("Service").Get<ServiceSettings>() ?? new ServiceSettings();
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

builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.Configure<JsonOptions>(o => o.SerializerOptions.AllowTrailingCommas = false);
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<BadRequestHandler>();
builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = settings.MaxBodyBytes);
builder.Services.AddAuthentication(ApiKeyHandler.SchemeName).AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, null);
builder.Services.AddPolicies();
builder.Services.AddKeyRateLimits(settings);
builder.Services.AddOpenApi();

var app = builder.Build();
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
app.Run();

/// <summary>The CrowdFit service's entry point.</summary>
public partial class Program;
