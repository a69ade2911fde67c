using System.Data.Common;
using Dapper;
using Npgsql;

namespace CrowdFit.Service.Tests.Storage;

/// <summary>
/// A database of its own, created on the PostgreSQL server named by <c>CROWDFIT_TEST_POSTGRES</c> and dropped on
/// dispose. Without that variable the store starts the throwaway server of <c>scripts/postgres-test.sh</c> (which
/// installs PostgreSQL with apt when it is missing); when that fails too, the test fails and says why — it does not skip.
/// </summary>
public sealed class PostgresStore : TestStore
{
    public const string Variable = "CROWDFIT_TEST_POSTGRES";

    // The server named by the variable, else the throwaway one scripts/postgres-test.sh starts (once per run), so
    // the README's test command works on a fresh machine too.
    private static readonly Lazy<string> s_server = new(FindServer, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _server;
    private readonly string _name;

    public PostgresStore()
        : this(null)
    {
    }

    private PostgresStore(string? template)
    {
        var server = s_server.Value;
        _server = server;
        _name = $"crowdfit_test_{Guid.NewGuid():N}";
        using var admin = new NpgsqlConnection(_server);
        admin.Open();
        admin.Execute(template is null ? $"create database {_name}" : $"create database {_name} template {template}");
        ConnectionString = new NpgsqlConnectionStringBuilder(_server) { Database = _name }.ToString();
    }

    public override string Provider => "postgres";

    public string ConnectionString { get; }

    public override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "postgres",
        ["ConnectionStrings:Postgres"] = ConnectionString,
    };

    public override DbConnection Open()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public override TestStore Copy()
    {
        Release();
        return new PostgresStore(_name);
    }

    public override void Release()
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        NpgsqlConnection.ClearPool(connection);
    }

    protected override void Dispose(bool disposing)
    {
        Release();
        using var admin = new NpgsqlConnection(_server);
        admin.Open();
        admin.Execute($"drop database if exists {_name} with (force)");
    }

    private static string FindServer()
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(server))
        {
            return server;
        }

        var script = FindScript();
        var start = new System.Diagnostics.ProcessStartInfo("bash", [script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = System.Diagnostics.Process.Start(start)
            ?? throw new InvalidOperationException($"Could not run {script}.");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (process.ExitCode != 0 || string.IsNullOrEmpty(last))
        {
            throw new InvalidOperationException(
                $"{Variable} is not set and {script} could not start a PostgreSQL test server (exit {process.ExitCode}: " +
                $"{error.Result.Trim()}). Run it as root and export {Variable} as the connection string it prints; CI does this.");
        }

        return last;
    }

    private static string FindScript([System.Runtime.CompilerServices.CallerFilePath] string source = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory(), Path.GetDirectoryName(source)! })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var script = Path.Combine(folder.FullName, "scripts", "postgres-test.sh");
                if (File.Exists(script))
                {
                    return script;
                }
            }
        }

        throw new InvalidOperationException($"{Variable} is not set and scripts/postgres-test.sh was not found above {AppContext.BaseDirectory}.");
    }
}
