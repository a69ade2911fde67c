using static CrowdFit.Service.Tests.TestContextExtensions;

namespace CrowdFit.Service.Tests;

public sealed class OpenApiTests
{
    [Fact]
    public async Task OpenApiDocument_ListsTheRoutes()
    {
        using var db = new TempDatabase();
        await using var app = new ServiceApp(db.Path);
        using var anonymous = app.WithKey(null);

        var document = await ServiceApp.JsonAsync(await anonymous.GetAsync("/openapi/v1.json", Ct));
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        var scalar = await anonymous.GetAsync("/scalar/v1", Ct);

        Assert.Superset(
            new HashSet<string>
            {
                "/api/projects", "/api/projects/{id}", "/api/projects/{id}/tasks", "/api/projects/{id}/gold", "/api/projects/{id}/workers",
                "/api/projects/{id}/answers", "/api/projects/{id}/tasks/{task}", "/api/projects/{id}/assignments/next",
                "/api/projects/{id}/labels", "/api/keys", "/api/projects/{id}/reports/pay", "/api/projects/{id}/reports/fairness",
                "/api/projects/{id}/reports/rings", "/api/projects/{id}/reports/drift", "/api/me/answers", "/api/me/score",
            },
            paths);
        Assert.Equal(System.Net.HttpStatusCode.OK, scalar.StatusCode);
    }
}
