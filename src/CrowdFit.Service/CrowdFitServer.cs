namespace CrowdFit.Service;

/// <summary>Builds the CrowdFit service, for its own entry point and for <c>crowdfit serve</c>.</summary>
public static class CrowdFitServer
{
    /// <summary>Builds the service with its services, middleware and endpoints; start it with <c>Run</c> or <c>Start</c>.</summary>
    /// <param name="args">Command-line arguments, read as configuration like any ASP.NET Core host's.</param>
    /// <param name="settings">
    /// Configuration that wins over every other source, e.g. <c>Storage:Provider</c>, <c>ConnectionStrings:Sqlite</c>,
    /// <c>ConnectionStrings:Postgres</c>, <c>Service:AdminKey</c> or <c>urls</c>; null for none.
    /// </param>
    /// <exception cref="InvalidOperationException">The storage settings are invalid (unknown provider, PostgreSQL without a connection string).</exception>
    public static WebApplication Build(string[] args, IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var builder = WebApplication.CreateBuilder(args);
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        // A failed key check is the caller's mistake and is answered with 401; logging each one at Information would
        // let anyone with a wrong key fill the log.
        builder.Logging.AddFilter("CrowdFit.Service.Keys.ApiKeyHandler", LogLevel.Warning);
        var service = builder.Configuration.GetSection("Service").Get<ServiceSettings>() ?? new ServiceSettings();
        Program.AddServices(builder, service);
        var app = builder.Build();
        Program.MapEndpoints(app, service);
        return app;
    }
}
