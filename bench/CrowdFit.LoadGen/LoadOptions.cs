using System.Globalization;

namespace CrowdFit.LoadGen;

/// <summary>What to run: the server binary, its storage, and the load's shape.</summary>
internal sealed record LoadOptions
{
    public required string Server { get; init; }
    public string? Db { get; init; }
    public string? Postgres { get; init; }
    public int Port { get; init; } = 5099;
    public int Connections { get; init; } = 32;
    public double Rate { get; init; } = 2000;
    public double Seconds { get; init; } = 60;
    public int Tasks { get; init; } = 50_000;
    public int Workers { get; init; } = 200;
    public double? CrashAfter { get; init; }
    public int? Fuzz { get; init; }

    public const string Usage =
        "usage: CrowdFit.LoadGen --server PATH/crowdfit [--db FILE | --postgres CONNSTRING] [--port 5099] [--connections 32] " +
        "[--rate 2000] [--seconds 60] [--tasks 50000] [--workers 200] [--crash-after SECONDS] [--fuzz REQUESTS]";

    /// <summary>Reads <c>--name value</c> pairs; null (after printing why) when they are wrong.</summary>
    public static LoadOptions? Parse(string[] args, TextWriter error)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i]] = args[i + 1];
        }

        if (args.Length % 2 != 0 || !values.TryGetValue("--server", out var server) || values.Keys.Any(k => !s_known.Contains(k)))
        {
            error.WriteLine(Usage);
            return null;
        }

        double Number(string name, double fallback) => values.TryGetValue(name, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new LoadOptions
        {
            Server = Path.GetFullPath(server),
            Db = values.GetValueOrDefault("--db"),
            Postgres = values.GetValueOrDefault("--postgres"),
            Port = (int)Number("--port", 5099),
            Connections = (int)Number("--connections", 32),
            Rate = Number("--rate", 2000),
            Seconds = Number("--seconds", 60),
            Tasks = (int)Number("--tasks", 50_000),
            Workers = (int)Number("--workers", 200),
            CrashAfter = values.ContainsKey("--crash-after") ? Number("--crash-after", 0) : null,
            Fuzz = values.ContainsKey("--fuzz") ? (int)Number("--fuzz", 0) : null,
        };
    }

    private static readonly HashSet<string> s_known =
        ["--server", "--db", "--postgres", "--port", "--connections", "--rate", "--seconds", "--tasks", "--workers", "--crash-after", "--fuzz"];
}
