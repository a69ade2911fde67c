using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using CrowdFit.LoadGen;
using Microsoft.Data.Sqlite;
using Npgsql;

// Load and crash benchmark of `crowdfit serve`; see bench/service-load.sh and bench/results/service-load.md.
if (LoadOptions.Parse(args, Console.Error) is not { } options)
{
    return 2;
}

var url = $"http://127.0.0.1:{options.Port}";
var key = $"load-{Guid.NewGuid():N}";
var storage = options.Postgres is null ? $"SQLite {options.Db}" : "PostgreSQL";
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load: {storage}, {options.Connections} connections, {options.Rate:F0} answers/s for {options.Seconds:F0} s, {options.Tasks:N0} tasks, {options.Workers} workers{(options.CrashAfter is { } c ? $", kill -9 after {c:F0} s" : "")}"));
var server = ServerProcess.Start(options, key, url, TimeSpan.FromMinutes(2));
using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
using var client = new HttpClient(handler) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
client.DefaultRequestHeaders.Add("X-Api-Key", key);

(await client.PostAsJsonAsync("/api/projects", new { id = "load", labels = new[] { "a", "b", "c" }, aql = 0.05, maxAnswers = 5 })).EnsureSuccessStatusCode();
for (var first = 0; first < options.Tasks; first += 10_000)
{
    var batch = Enumerable.Range(first, Math.Min(10_000, options.Tasks - first)).Select(t => new { id = $"t{t}" });
    (await client.PostAsJsonAsync("/api/projects/load/tasks", batch)).EnsureSuccessStatusCode();
}

if (options.Fuzz is { } requests)
{
    var fuzz = new FuzzRun(client, key, seed: 1);
    var clock = Stopwatch.StartNew();
    await fuzz.RunAsync(requests, options.Connections);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fuzz: {requests:N0} malformed requests in {clock.Elapsed.TotalSeconds:F1} s"));
    foreach (var (status, count) in fuzz.Tally)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {status}: {count:N0}"));
    }

    foreach (var example in fuzz.FailedExamples)
    {
        Console.WriteLine($"  no reply to: {example}");
    }

    var probe = await client.PostAsync("/api/projects/load/answers", new StringContent("""{"task":"t7","worker":"w7","label":"a"}""", System.Text.Encoding.UTF8, "application/json"));
    Console.WriteLine($"server still answering: {(int)probe.StatusCode}; 5xx or no reply: {fuzz.Failures}");
    Console.WriteLine($"server stopped with exit code {server.Stop()}");
    server.Dispose();
    return fuzz.Failures == 0 && probe.IsSuccessStatusCode ? 0 : 1;
}

// Warm-up: JIT, connection setup, first re-estimations; not measured.
var warmup = new LoadRun(client, options with { Rate = Math.Min(options.Rate, 1000) });
await warmup.RunAsync(3, 0, CancellationToken.None);
Console.WriteLine($"warm-up: {warmup.Report().First()}");

var run = new LoadRun(client, options);
using var crash = new CancellationTokenSource();
var cpuBefore = server.CpuSeconds;
var load = run.RunAsync(options.Seconds, 10_000_000, crash.Token);
if (options.CrashAfter is { } after)
{
    await Task.WhenAny(load, Task.Delay(TimeSpan.FromSeconds(after)));
    server.Crash();
    Console.WriteLine("kill -9 sent to the server during the load");
    await Task.Delay(500);
    await crash.CancelAsync();
}

await load;
var cpu = options.CrashAfter is null ? server.CpuSeconds - cpuBefore : double.NaN;
foreach (var line in run.Report())
{
    Console.WriteLine(line);
}

if (options.CrashAfter is null)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"server CPU: {cpu:F1} s over {run.Elapsed.TotalSeconds:F1} s ({cpu / run.Elapsed.TotalSeconds * 100:F0}% of one core)"));
    Console.WriteLine($"server stopped with exit code {server.Stop()}");
    server.Dispose();
    return run.Errors == 0 ? 0 : 1;
}

server.Dispose();

// Counted straight from the database the killed server left, before anything else opens it for writing.
var acknowledged = run.Acknowledged.Concat(warmup.Acknowledged).ToHashSet();
var stored = await StoredAnswersAsync(options);
var missing = acknowledged.Count(id => !stored.Contains(id));
Console.WriteLine($"acknowledged before the crash: {acknowledged.Count:N0}; stored: {stored.Count:N0}; acknowledged but missing: {missing}");

var restart = Stopwatch.StartNew();
try
{
    using var restarted = ServerProcess.Start(options, key, url, TimeSpan.FromMinutes(10));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"restarted and replayed in {restart.Elapsed.TotalSeconds:F1} s"));
    var resumed = await client.PostAsync("/api/projects/load/answers", new StringContent(run.Answer(20_000_000), System.Text.Encoding.UTF8, "application/json"));
    Console.WriteLine($"answer after restart: {(int)resumed.StatusCode}");
    Console.WriteLine($"server stopped with exit code {restarted.Stop()}");
}
catch (Exception error) when (error is TimeoutException or InvalidOperationException)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"restart failed after {restart.Elapsed.TotalSeconds:F0} s: {error.Message}"));
}

return missing == 0 ? 0 : 1;

static async Task<HashSet<long>> StoredAnswersAsync(LoadOptions options)
{
    await using System.Data.Common.DbConnection connection = options.Postgres is { } pg
        ? new NpgsqlConnection(pg)
        : new SqliteConnection($"Data Source={options.Db};Mode=ReadWrite;Pooling=False");
    await connection.OpenAsync();
    await using var command = connection.CreateCommand();
    command.CommandText = "select id from answers";
    var ids = new HashSet<long>();
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        ids.Add(reader.GetInt64(0));
    }

    return ids;
}
