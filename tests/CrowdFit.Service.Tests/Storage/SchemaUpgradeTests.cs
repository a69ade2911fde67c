using System.Net;
using System.Net.Http.Json;
using Dapper;

using static CrowdFit.Service.Tests.TestContextExtensions;

namespace CrowdFit.Service.Tests.Storage;

/// <summary>A database made before a project's pay and rules and an answer's start time were stored starts and gains those columns.</summary>
public abstract class SchemaUpgradeTests<TStore>
    where TStore : TestStore, new()
{
    [Fact]
    public async Task OlderDatabase_GainsTheNewColumns_AndKeepsItsData()
    {
        using var store = new TStore();
        await using (var app = new ServiceApp(store))
        {
            using var admin = app.Admin();
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/projects", new { id = "old", labels = new[] { "a", "b" } }, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/projects/old/tasks", new[] { new { id = "t0" } }, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/projects/old/answers", new { task = "t0", worker = "w1", label = "a" }, Ct)).StatusCode);
        }

        store.Release();
        using (var connection = store.Open())
        {
            connection.Execute("alter table projects drop column pay");
            connection.Execute("alter table projects drop column rules");
            connection.Execute("alter table answers drop column started_at");
        }

        await using (var upgraded = new ServiceApp(store))
        {
            using var admin = upgraded.Admin();
            var old = await admin.GetAsync("/api/projects/old", Ct);
            Assert.Equal(HttpStatusCode.OK, old.StatusCode);
            var project = new { id = "new", labels = new[] { "a", "b" }, pay = new { reward = 0.1 }, rules = new[] { new { name = "quick", kind = "min-seconds", seconds = 2 } } };
            var created = await admin.PostAsJsonAsync("/api/projects", project, Ct);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/projects/new/tasks", new[] { new { id = "t0" } }, Ct)).StatusCode);
            var answer = new { task = "t0", worker = "w1", label = "a", startedAt = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O") };
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/projects/new/answers", answer, Ct)).StatusCode);
        }

        store.Release();
        using var check = store.Open();
        Assert.Equal(1, check.ExecuteScalar<int>("select count(*) from answers where started_at is not null"));
        Assert.Equal(2, check.ExecuteScalar<int>("select count(*) from answers"));
        Assert.Equal(1, check.ExecuteScalar<int>("select count(*) from projects where pay is not null and rules is not null"));
    }

    [Fact]
    public async Task DatabaseMissingATable_StopsTheStart_NamingIt()
    {
        using var store = new TStore();
        await using (var app = new ServiceApp(store))
        {
            using var admin = app.Admin();
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/projects", new { id = "old", labels = new[] { "a", "b" } }, Ct)).StatusCode);
        }

        store.Release();
        using (var connection = store.Open())
        {
            connection.Execute("drop table gold");
        }

        await using var broken = new ServiceApp(store);
        var error = Assert.ThrowsAny<Exception>(() => broken.Admin());
        Assert.Contains("no table 'gold'", error.ToString(), StringComparison.Ordinal);
    }
}
