using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using CrowdFit.Service.Tests.Storage;
using Microsoft.Data.Sqlite;

using static CrowdFit.Service.Tests.TestContextExtensions;

namespace CrowdFit.Service.Tests;

/// <summary>The service in process on its own temporary database (a SQLite file unless a store says otherwise), with a known admin key.</summary>
internal sealed class ServiceApp : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-admin-key";

    private readonly Dictionary<string, string?> _settings;

    public ServiceApp(string databasePath, Dictionary<string, string?>? settings = null)
        : this(new Dictionary<string, string?> { ["ConnectionStrings:Sqlite"] = $"Data Source={databasePath}" }, settings)
    {
    }

    public ServiceApp(TestStore store, Dictionary<string, string?>? settings = null)
        : this(store.Settings, settings)
    {
    }

    private ServiceApp(IReadOnlyDictionary<string, string?> storage, Dictionary<string, string?>? settings)
    {
        _settings = new Dictionary<string, string?>(storage);
        foreach (var (key, value) in settings ?? [])
        {
            _settings[key] = value;
        }
    }

    /// <summary>A client sending the admin key.</summary>
    public HttpClient Admin() => WithKey(AdminKey);

    public HttpClient WithKey(string? key)
    {
        var client = CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Service:AdminKey", AdminKey);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Creates a project with labels a, b, c and the given tasks.</summary>
    public static async Task CreateProjectAsync(HttpClient admin, string id, int tasks, int maxAnswers = 5)
    {
        var created = await admin.PostAsJsonAsync("/api/projects", new { id, labels = new[] { "a", "b", "c" }, aql = 0.05, maxAnswers }, Ct);
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        var added = await admin.PostAsJsonAsync($"/api/projects/{id}/tasks", Enumerable.Range(0, tasks).Select(t => new { id = $"t{t}" }), Ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, added.StatusCode);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync(Ct));
}

/// <summary>A temporary database file, removed with its WAL files.</summary>
public sealed class TempDatabase : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"crowdfit-service-{Guid.NewGuid():N}.db");

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={Path};Pooling=False");
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(Path + suffix);
        }
    }
}
