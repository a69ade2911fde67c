using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CrowdFit.Service.Storage;

/// <summary>Where the data lives: the provider chosen in configuration and its connection string.</summary>
internal sealed class Database
{
    public Database(bool postgres, string connectionString)
    {
        Postgres = postgres;
        ConnectionString = connectionString;
    }

    /// <summary>True for PostgreSQL, false for SQLite.</summary>
    public bool Postgres { get; }

    public string ConnectionString { get; }

    /// <summary>
    /// Reads <c>Storage:Provider</c> (sqlite, the default, or postgres) and the matching connection string; SQLite
    /// defaults to <c>crowdfit.db</c> in the content root.
    /// </summary>
    /// <exception cref="InvalidOperationException">The provider is unknown or PostgreSQL has no connection string.</exception>
    public static Database FromConfiguration(IConfiguration configuration, string contentRoot)
    {
        var provider = configuration["Storage:Provider"] ?? "sqlite";
        if (provider.Equals("postgres", StringComparison.OrdinalIgnoreCase))
        {
            var pg = configuration.GetConnectionString("Postgres");
            return string.IsNullOrWhiteSpace(pg)
                ? throw new InvalidOperationException("Storage:Provider is postgres but ConnectionStrings:Postgres is not set.")
                : new Database(true, pg);
        }

        if (!provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Storage:Provider must be sqlite or postgres (was '{provider}').");
        }

        var sqlite = configuration.GetConnectionString("Sqlite");
        if (string.IsNullOrWhiteSpace(sqlite))
        {
            sqlite = $"Data Source={Path.Combine(contentRoot, "crowdfit.db")}";
        }
        else if (!sqlite.Contains('='))
        {
            sqlite = $"Data Source={sqlite}";
        }

        // Pooling keeps the file open between commands; the writer holds its own connection anyway.
        return new Database(false, new SqliteConnectionStringBuilder(sqlite) { Pooling = true }.ToString());
    }

    /// <summary>Points an EF context at this database.</summary>
    public void Configure(DbContextOptionsBuilder options)
    {
        if (Postgres)
        {
            options.UseNpgsql(ConnectionString);
        }
        else
        {
            options.UseSqlite(ConnectionString).AddInterceptors(new SqlitePragmas());
        }
    }

    /// <summary>Opens a connection; on SQLite with <c>synchronous=FULL</c>, so a commit survives power loss in WAL mode.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        DbConnection connection = Postgres ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        if (!Postgres)
        {
            await SqlitePragmas.ApplyAsync(connection, cancellationToken);
        }

        return connection;
    }

    /// <summary>Opens a connection without awaiting, for reads on a thread that cannot await (the engine's re-estimation).</summary>
    public DbConnection Open()
    {
        DbConnection connection = Postgres ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);
        connection.Open();
        if (!Postgres)
        {
            SqlitePragmas.Apply(connection);
        }

        return connection;
    }
}
