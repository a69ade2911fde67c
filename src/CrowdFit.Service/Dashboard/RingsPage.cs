using System.Globalization;
using CrowdFit.Service.Findings;
using CrowdFit.Service.Projects;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrowdFit.Service.Dashboard;

/// <summary><c>/dashboard/projects/{id}/rings</c>: the rings of the last re-estimation, each member with the evidence against it (SPEC D9, F3).</summary>
internal static class RingsPage
{
    public static IResult Render(string id, HttpContext context, IAntiforgery antiforgery, ProjectCatalog catalog)
    {
        if (RingsApi.Rings(id, catalog).Result is not Ok<RingsDto> { Value: { } found })
        {
            return ProjectPage.NotFound(id);
        }

        var html = new Html().Raw("<section id=\"rings\"><h2>Rings</h2>");
        if (!found.Searched)
        {
            html.Element("p", found.ModelVersion == 0
                ? "The models have not been re-estimated yet; rings are looked for at every re-estimation."
                : $"The ring detector did not run at re-estimation {found.ModelVersion}: no task was finished yet.", "muted");
        }
        else if (found.Rings.Count == 0)
        {
            html.Element("p", $"No ring found at re-estimation {found.ModelVersion}.", "muted");
        }
        else
        {
            html.Element("p", $"{found.Rings.Count} ring{(found.Rings.Count == 1 ? "" : "s")} found at re-estimation {found.ModelVersion}.");
        }

        foreach (var ring in found.Rings)
        {
            html.Raw($"<section class=\"ring\" id=\"ring-{ring.Id}\">")
                .Element("h3", string.Create(CultureInfo.InvariantCulture, $"Ring {ring.Id}: {ring.Members.Count} accounts (p = {ring.PValue:0.###e+0})"))
                .Raw("<table class=\"ring\"><thead><tr><th>Worker</th><th>Evidence</th></tr></thead><tbody>");
            foreach (var member in ring.Members)
            {
                html.Raw("<tr>").Element("td", member.Worker).Element("td", member.Evidence).Raw("</tr>");
            }

            html.Raw("</tbody></table></section>");
        }

        return html.Raw("</section>").Page($"Rings in {id}", antiforgery.GetAndStoreTokens(context), id);
    }

    /// <summary>The project page's links to the rings and drift pages.</summary>
    public static void Links(Html html, string project)
    {
        var p = Uri.EscapeDataString(project);
        html.Raw("<section id=\"findings\"><h2>Rings and drift</h2><p>")
            .Raw("<a href=\"/dashboard/projects/").Text(p).Raw("/rings\">Rings</a>: groups of workers acting together, with the evidence · ")
            .Raw("<a href=\"/dashboard/projects/").Text(p).Raw("/drift\">Drift</a>: labels and agreement by time window, with alerts</p></section>");
    }
}
