using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CrowdFit.Service.Errors;
using CrowdFit.Service.Keys;
using CrowdFit.Service.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrowdFit.Service.Projects;

/// <summary><c>/api/projects</c>: creating and reading projects.</summary>
internal static partial class ProjectsApi
{
    /// <summary>Longest task or worker id accepted.</summary>
    public const int MaxIdLength = 200;

    public static RouteGroupBuilder MapProjects(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/projects").WithTags("Projects");
        group.MapPost("/", Create).WithName("CreateProject").RequireAuthorization(Roles.RequesterPolicy);
        group.MapGet("/{id}", Get).WithName("GetProject").RequireAuthorization(Roles.ReaderPolicy);
        return group;
    }

    private static Results<Ok<ProjectDto>, ProblemHttpResult> Get(string id, ProjectCatalog catalog) =>
        catalog.TryGet(id, out var host) ? TypedResults.Ok(host.ToDto()) : Problems.NotFound($"Project '{id}' does not exist.");

    private static async Task<Results<Created<ProjectDto>, ValidationProblem, ProblemHttpResult>> Create(
        ProjectRequest request, ProjectCatalog catalog, CrowdFitDb db, Database store, IOptions<ServiceSettings> settings, TimeProvider clock)
    {
        var errors = Validate(request);
        var rules = ProjectRules.Validate(request.Rules, errors);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var requirements = request.Requirements ?? new RequirementsDto(null, null, null);
        var options = ProjectHost.Options(request.Labels!, request.Aql ?? 0.02, request.MaxAnswers ?? 5, requirements, settings.Value.RefitEvery);
        if (options.Problems() is { Count: > 0 } problems)
        {
            return Problems.Invalid("project", string.Join(" ", problems));
        }

        if (catalog.TryGet(request.Id!, out _) || await db.Projects.AnyAsync(p => p.Id == request.Id))
        {
            return Problems.Conflict($"Project '{request.Id}' already exists.");
        }

        var row = new ProjectRow
        {
            Id = request.Id!,
            Name = string.IsNullOrWhiteSpace(request.Name) ? request.Id! : request.Name,
            Seq = catalog.NextSeq(),
            Labels = JsonSerializer.Serialize(request.Labels),
            Aql = options.Quality.Aql,
            MaxAnswers = options.Quality.MaxAnswers,
            TaskTypes = JsonSerializer.Serialize(request.TaskTypes ?? []),
            Requirements = JsonSerializer.Serialize(requirements, JsonSerializerOptions.Web),
            Pay = ProjectPay.Complete(request.Pay) is { } pay ? JsonSerializer.Serialize(pay, JsonSerializerOptions.Web) : null,
            Rules = rules,
            CreatedAt = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        };
        var host = new ProjectHost(row, settings.Value.RefitEvery, store);
        db.Projects.Add(row);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict($"Project '{request.Id}' already exists.");
        }

        catalog.TryAdd(host);
        return TypedResults.Created($"/api/projects/{row.Id}", host.ToDto());
    }

    private static Dictionary<string, string[]> Validate(ProjectRequest r)
    {
        var errors = new Dictionary<string, string[]>();
        if (r.Id is null || !IdPattern().IsMatch(r.Id))
        {
            errors["id"] = ["The id must be 1–64 letters, digits, '-' or '_'."];
        }

        if (r.Labels is null || r.Labels.Count < 2 || r.Labels.Any(string.IsNullOrEmpty) || r.Labels.Distinct(StringComparer.Ordinal).Count() != r.Labels.Count)
        {
            errors["labels"] = ["The labels must be at least two distinct, non-empty strings."];
        }

        if (r.Aql is { } aql && !(aql is > 0 and < 1))
        {
            errors["aql"] = [string.Create(CultureInfo.InvariantCulture, $"The AQL must be in (0, 1) (was {aql}).")];
        }

        if (r.MaxAnswers is { } max && max is < 1 or > 100)
        {
            errors["maxAnswers"] = [$"maxAnswers must be in [1, 100] (was {max})."];
        }

        if (r.TaskTypes is { } types && (types.Any(string.IsNullOrEmpty) || types.Distinct(StringComparer.Ordinal).Count() != types.Count))
        {
            errors["taskTypes"] = ["The task types must be distinct, non-empty strings."];
        }

        if (r.Requirements?.MinAccuracy is { } min && !(min is >= 0 and <= 1))
        {
            errors["requirements.minAccuracy"] = [string.Create(CultureInfo.InvariantCulture, $"minAccuracy must be in [0, 1] (was {min}).")];
        }

        ProjectPay.Validate(r.Pay, errors);
        return errors;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex IdPattern();
}
