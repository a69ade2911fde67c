using System.Globalization;
using System.Text;
using CrowdFit.Live;
using CrowdFit.Service.Errors;
using CrowdFit.Service.Keys;
using CrowdFit.Service.Projects;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrowdFit.Service.Labels;

/// <summary><c>/api/projects/{id}/labels</c>: the delivered labels as CSV.</summary>
internal static class LabelsApi
{
    public static RouteGroupBuilder MapLabels(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/projects/{id}").WithTags("Labels").RequireAuthorization(Roles.ReaderPolicy);
        group.MapGet("/labels", Export).WithName("ExportLabels").Produces<string>(contentType: "text/csv");
        return group;
    }

    /// <summary>
    /// <c>task,label,confidence</c> for every accepted task, in the order tasks were added; with <c>all=true</c>
    /// also open and review tasks that have a counted answer. Gold tasks are left out.
    /// </summary>
    private static Results<FileContentHttpResult, ProblemHttpResult> Export(string id, bool? all, ProjectCatalog catalog)
    {
        if (!catalog.TryGet(id, out var host))
        {
            return Problems.NotFound($"Project '{id}' does not exist.");
        }

        var csv = new StringBuilder("task,label,confidence\n");
        lock (host.Gate)
        {
            var live = host.Live;
            foreach (var task in host.Tasks)
            {
                var state = live.State(task);
                if (state == LiveTaskStatus.Gold || (state != LiveTaskStatus.Accepted && all != true))
                {
                    continue;
                }

                var decision = live.Status(task);
                if (decision.Label < 0)
                {
                    continue;
                }

                csv.Append(Field(task)).Append(',').Append(Field(live.Labels[decision.Label])).Append(',')
                    .Append(decision.Confidence.ToString("0.######", CultureInfo.InvariantCulture)).Append('\n');
            }
        }

        return TypedResults.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv", $"{id}-labels.csv");
    }

    /// <summary>RFC 4180 quoting where needed.</summary>
    private static string Field(string value) => value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
