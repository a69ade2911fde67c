using CrowdFit.Service.Errors;
using CrowdFit.Service.Keys;
using CrowdFit.Service.Projects;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrowdFit.Service.Findings;

/// <summary><c>/api/projects/{id}/reports/rings</c>: the rings the last re-estimation found, with members and evidence (SPEC D9, F1).</summary>
internal static class RingsApi
{
    public static RouteGroupBuilder MapRings(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/projects/{id}/reports").WithTags("Reports").RequireAuthorization(Roles.ReaderPolicy);
        group.MapGet("/rings", Rings).WithName("ProjectRings")
            .WithDescription("Groups of workers the last re-estimation found acting together (copied wrong answers, synchronized timing, shared devices), with the evidence against each member.");
        return group;
    }

    internal static Results<Ok<RingsDto>, ProblemHttpResult> Rings(string id, ProjectCatalog catalog)
    {
        if (!catalog.TryGet(id, out var host))
        {
            return Problems.NotFound($"Project '{id}' does not exist.");
        }

        var found = host.Live.Rings;
        return TypedResults.Ok(new RingsDto(
            id,
            found.ModelVersion,
            found.Searched,
            [.. found.Rings.Select(r => new RingDto(r.Id, r.PValue, [.. r.Workers.Select((w, i) => new RingMemberDto(w, r.Evidence[i]))]))]));
    }
}
