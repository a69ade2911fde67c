using System.CommandLine;
using System.Data.Common;
using CrowdFit.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace CrowdFit.Cli.Commands;

/// <summary><c>crowdfit serve</c>: runs the CrowdFit service (the same app as CrowdFit.Service) until Ctrl+C.</summary>
internal static class ServeCommand
{
    /// <summary>The address served when <c>--urls</c> is left out.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>Where to store, where to listen, and the bootstrap admin key.</summary>
    public sealed record Settings(string? Db, string? Postgres, string Urls = DefaultUrls, string? AdminKey = null);

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var db = new Option<FileInfo?>("--db") { Description = "The SQLite database file, created at first start (default: crowdfit.db in the current directory)." };
        var postgres = new Option<string?>("--postgres") { Description = "Store in PostgreSQL instead: an Npgsql connection string, e.g. \"Host=127.0.0.1;Username=crowdfit;Password=...;Database=crowdfit\"." };
        var urls = new Option<string>("--urls") { Description = "Addresses to listen on, separated by ';'.", DefaultValueFactory = _ => DefaultUrls };
        var adminKey = new Option<string?>("--admin-key") { Description = "Use this admin API key; when left out and no admin key is stored, one is generated and printed once." };
        var command = new Command("serve", "Run the CrowdFit HTTP service: projects, tasks, answers with their decisions, labels, keys; OpenAPI at /openapi/v1.json.")
        {
            db, postgres, urls, adminKey,
        };
        command.SetAction(parse => Run(
            new Settings(parse.GetValue(db)?.FullName, parse.GetValue(postgres), parse.GetValue(urls)!, parse.GetValue(adminKey)),
            stdout,
            stderr));
        return command;
    }

    /// <summary>Starts the service and blocks until Ctrl+C, SIGTERM or <paramref name="stop"/>.</summary>
    public static int Run(Settings settings, TextWriter stdout, TextWriter stderr, CancellationToken stop = default)
    {
        if (settings.Db is not null && settings.Postgres is not null)
        {
            stderr.WriteLine("crowdfit serve: give --db or --postgres, not both.");
            return 2;
        }

        var config = new Dictionary<string, string?>
        {
            ["urls"] = settings.Urls,
            ["Service:AdminKey"] = settings.AdminKey,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:CrowdFit"] = "Information",
        };
        string storage;
        if (settings.Postgres is { } connection)
        {
            config["Storage:Provider"] = "postgres";
            config["ConnectionStrings:Postgres"] = connection;
            storage = $"PostgreSQL {Describe(connection)}";
        }
        else
        {
            var path = Path.GetFullPath(settings.Db ?? "crowdfit.db");
            config["Storage:Provider"] = "sqlite";
            config["ConnectionStrings:Sqlite"] = $"Data Source={path}";
            storage = $"SQLite {path}";
        }

        WebApplication app;
        try
        {
            app = CrowdFitServer.Build([], config);
            app.StartAsync(stop).GetAwaiter().GetResult();
        }
        catch (Exception error) when (error is DbException or IOException or InvalidOperationException or ArgumentException)
        {
            stderr.WriteLine($"crowdfit serve: could not start on {storage} at {settings.Urls}: {error.Message}");
            return 2;
        }

        stdout.WriteLine($"crowdfit serve: listening on {string.Join(", ", app.Urls)}");
        stdout.WriteLine($"crowdfit serve: storage {storage}");
        stdout.WriteLine("crowdfit serve: API keys go in the X-Api-Key header; OpenAPI at /openapi/v1.json. Press Ctrl+C to stop.");
        stdout.Flush();
        try
        {
            app.WaitForShutdownAsync(stop).GetAwaiter().GetResult();
        }
        finally
        {
            app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        stdout.WriteLine("crowdfit serve: stopped");
        return 0;
    }

    /// <summary>Host, port and database of a connection string, never its password.</summary>
    private static string Describe(string connection)
    {
        try
        {
            var parts = new DbConnectionStringBuilder { ConnectionString = connection };
            string Part(string key, string fallback) => parts.TryGetValue(key, out var value) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? fallback : fallback;
            return $"{Part("Host", "localhost")}:{Part("Port", "5432")}/{Part("Database", "(default)")}";
        }
        catch (ArgumentException)
        {
            return "(unreadable connection string)";
        }
    }
}
