using System.Data.Common;
using CrowdFit.Service.Errors;
using CrowdFit.Service.Keys;
using CrowdFit.Service.Projects;
using CrowdFit.Service.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrowdFit.Service.Workforce;

/// <summary><c>/api/projects/{id}/reports/pay</c> and <c>.../fairness</c>: effective hourly pay and the cohort audit (SPEC G1, G2).</summary>
internal static class WorkforceApi
{
    public static RouteGroupBuilder MapWorkforce(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/projects/{id}/reports").WithTags("Reports").RequireAuthorization(Roles.ReaderPolicy);
        group.MapGet("/pay", Pay).WithName("ProjectPay")
            .WithDescription("Effective hourly pay against the project's floor, per task type and per worker, from the answers' start and submit times; answers without a usable start are counted, not guessed.");
        group.MapGet("/fairness", Fairness).WithName("ProjectFairness")
            .WithDescription("Flagged workers and workers with rejected answers by country, against what the difficulty of their tasks explains, with rejections and pay by country.");
        return group;
    }

    internal static async Task<Results<Ok<PayReportDto>, ProblemHttpResult>> Pay(string id, ProjectCatalog catalog, Database database, CancellationToken cancellationToken)
    {
        if (!catalog.TryGet(id, out var host))
        {
            return Problems.NotFound($"Project '{id}' does not exist.");
        }

        var log = await LoadAsync(database, host, cancellationToken);
        return TypedResults.Ok(PayAnalysis.Run(host, log).Dto);
    }

    internal static async Task<Results<Ok<FairnessReportDto>, ProblemHttpResult>> Fairness(string id, ProjectCatalog catalog, Database database, CancellationToken cancellationToken)
    {
        if (!catalog.TryGet(id, out var host))
        {
            return Problems.NotFound($"Project '{id}' does not exist.");
        }

        var log = await LoadAsync(database, host, cancellationToken);
        var (pay, _) = PayAnalysis.Run(host, log);
        string[] tasks;
        lock (host.Gate)
        {
            tasks = [.. host.Tasks];
        }

        return TypedResults.Ok(FairnessAnalysis.Run(host, log, pay, tasks));
    }

    private static async Task<ProjectLog> LoadAsync(Database database, ProjectHost host, CancellationToken cancellationToken)
    {
        await using DbConnection connection = await database.OpenAsync(cancellationToken);
        return await ProjectLog.LoadAsync(connection, host, cancellationToken);
    }
}
