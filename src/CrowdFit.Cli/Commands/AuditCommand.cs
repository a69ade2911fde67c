using System.CommandLine;
using System.Data.Common;
using CrowdFit.Service.Audit;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CrowdFit.Cli.Commands;

/// <summary><c>crowdfit audit verify</c>: checks the service's hash-chained decision log in its database.</summary>
internal static class AuditCommand
{
    /// <summary>The database to check: a SQLite file or a PostgreSQL connection string.</summary>
    public sealed record Settings(string? Db, string? Postgres);

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var db = new Option<FileInfo?>("--db") { Description = "The service's SQLite database file." };
        var postgres = new Option<string?>("--postgres") { Description = "The service's PostgreSQL database, as an Npgsql connection string." };
        var verify = new Command("verify", "Check every project's decision-log chain and that every answer has its entry; exit 1 at the first altered or missing entry.")
        {
            db, postgres,
        };
        verify.SetAction(parse => Verify(new Settings(parse.GetValue(db)?.FullName, parse.GetValue(postgres)), stdout, stderr));
        return new Command("audit", "Audit the service's decision log.") { verify };
    }

    /// <summary>Exit codes: 0 intact, 1 a chain is broken or an entry is missing, 2 the database cannot be read.</summary>
    public static int Verify(Settings settings, TextWriter stdout, TextWriter stderr)
    {
        if ((settings.Db is null) == (settings.Postgres is null))
        {
            stderr.WriteLine("crowdfit audit verify: give the database with --db FILE or --postgres CONNSTRING (one of them).");
            return 2;
        }

        if (settings.Db is { } path && !File.Exists(path))
        {
            stderr.WriteLine($"crowdfit audit verify: {path}: no such database file.");
            return 2;
        }

        var source = settings.Db ?? "the PostgreSQL database";
        LogVerification result;
        try
        {
            using var connection = Open(settings);
            result = DecisionLog.Verify(connection);
        }
        catch (Exception error) when (error is DbException or ArgumentException or InvalidOperationException)
        {
            stderr.WriteLine($"crowdfit audit verify: cannot read the decision log in {source}: {error.Message}");
            return 2;
        }

        var scope = $"{result.Entries:N0} entries in {result.Projects:N0} projects checked";
        if (result.Intact)
        {
            stdout.WriteLine($"decision log intact: {scope}");
            return 0;
        }

        var where = result.Position is { } position ? $"project {result.Project}, entry {position}" : $"project {result.Project}";
        stdout.WriteLine($"decision log broken at {where}: {result.Problem} ({scope})");
        return 1;
    }

    private static DbConnection Open(Settings settings)
    {
        // ReadWrite, not ReadWriteCreate: a mistyped path must not leave an empty database behind.
        DbConnection connection = settings.Postgres is { } postgres
            ? new NpgsqlConnection(postgres)
            : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = settings.Db, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
