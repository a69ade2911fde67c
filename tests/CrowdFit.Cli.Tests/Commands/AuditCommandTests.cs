using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using CrowdFit.Cli.Commands;
using Microsoft.Data.Sqlite;

namespace CrowdFit.Cli.Tests.Commands;

public sealed class AuditCommandTests(AuditCommandTests.ServedDatabase served) : IClassFixture<AuditCommandTests.ServedDatabase>
{
    /// <summary>A copy of the served database (12 answers over projects p1 and p2) that a test may alter.</summary>
    private string Copy(TempFolder folder)
    {
        var path = folder.File("copy.db");
        File.Copy(served.Path, path);
        return path;
    }

    private static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [Fact]
    public void Serve_FirstStart_PrintsAddressStorageAndStopsCleanly()
    {
        Assert.Equal(0, served.ServeCode);
        Assert.Contains($"listening on http://127.0.0.1:{served.Port}", served.ServeOut, StringComparison.Ordinal);
        Assert.Contains($"storage SQLite {served.Path}", served.ServeOut, StringComparison.Ordinal);
        Assert.EndsWith("crowdfit serve: stopped" + Environment.NewLine, served.ServeOut, StringComparison.Ordinal);
        Assert.Equal(string.Empty, served.ServeError);
    }

    [Fact]
    public void Verify_IntactDatabase_ReportsIntactAndExits0()
    {
        using var folder = new TempFolder();
        var path = Copy(folder);

        var (code, stdout, stderr) = Cli.Run("audit", "verify", "--db", path);

        Assert.Equal((0, string.Empty), (code, stderr));
        Assert.Equal("decision log intact: 12 entries in 2 projects checked" + Environment.NewLine, stdout);
    }

    [Theory]
    [InlineData("update decision_log set label = 'c' where project_id = 'p2' and position = 2", "project p2, entry 2: entry 2 was altered")]
    [InlineData("delete from decision_log where project_id = 'p1' and position = 1", "project p1, entry 1: entry 1 is missing")]
    [InlineData("delete from decision_log where project_id = 'p1' and position = 5", "project p1: answer ")]
    public void Verify_AlteredThroughSql_ReportsProjectAndPositionAndExits1(string sql, string expected)
    {
        using var folder = new TempFolder();
        var path = Copy(folder);
        Execute(path, sql);

        var (code, stdout, stderr) = Cli.Run("audit", "verify", "--db", path);

        Assert.Equal((1, string.Empty), (code, stderr));
        Assert.Contains("decision log broken at " + expected, stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_MissingFile_Exits2WithOneLine()
    {
        using var folder = new TempFolder();
        var path = folder.File("absent.db");

        var (code, stdout, stderr) = Cli.Run("audit", "verify", "--db", path);

        Assert.Equal((2, string.Empty), (code, stdout));
        Assert.Equal($"crowdfit audit verify: {path}: no such database file." + Environment.NewLine, stderr);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Verify_NotADatabase_Exits2WithOneLine()
    {
        using var folder = new TempFolder();
        var path = folder.Write("answers.db", "task,worker,label\nt1,w1,a\n");

        var (code, stdout, stderr) = Cli.Run("audit", "verify", "--db", path);

        Assert.Equal((2, string.Empty), (code, stdout));
        Assert.StartsWith($"crowdfit audit verify: cannot read the decision log in {path}: ", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Verify_NoDatabaseGiven_Exits2()
    {
        var (code, _, stderr) = Cli.Run("audit", "verify");

        Assert.Equal(2, code);
        Assert.Contains("--db FILE or --postgres CONNSTRING", stderr, StringComparison.Ordinal);
    }

    /// <summary>A database written by <c>crowdfit serve</c> on a free loopback port, then stopped.</summary>
    public sealed class ServedDatabase : IAsyncLifetime
    {
        private const string Key = "audit-test-key";
        private readonly TempFolder _folder = new();

        public string Path => _folder.File("served.db");

        public int Port { get; private set; }

        public int ServeCode { get; private set; }

        public string ServeOut { get; private set; } = "";

        public string ServeError { get; private set; } = "";

        public async ValueTask InitializeAsync()
        {
            var ct = TestContext.Current.CancellationToken;
            Port = FreePort();
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            using var stop = new CancellationTokenSource();
            var settings = new ServeCommand.Settings(Path, null, $"http://127.0.0.1:{Port}", Key);
            var serving = Task.Run(() => ServeCommand.Run(settings, stdout, stderr, stop.Token), ct);
            try
            {
                using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}") };
                client.DefaultRequestHeaders.Add("X-Api-Key", Key);
                await WaitUntilUp(client, serving, ct);
                foreach (var project in new[] { "p1", "p2" })
                {
                    Ensure(await client.PostAsJsonAsync("/api/projects", new { id = project, labels = new[] { "a", "b", "c" } }, ct));
                    Ensure(await client.PostAsJsonAsync($"/api/projects/{project}/tasks", Enumerable.Range(0, 3).Select(t => new { id = $"t{t}" }), ct));
                }

                for (var i = 0; i < 12; i++)
                {
                    Ensure(await client.PostAsJsonAsync($"/api/projects/p{1 + (i % 2)}/answers", new { task = $"t{i % 3}", worker = $"w{i / 3}", label = "ab"[i % 2].ToString() }, ct));
                }
            }
            finally
            {
                await stop.CancelAsync();
                ServeCode = await serving;
            }

            ServeOut = stdout.ToString();
            ServeError = stderr.ToString();
            SqliteConnection.ClearAllPools();
        }

        public ValueTask DisposeAsync()
        {
            _folder.Dispose();
            return ValueTask.CompletedTask;
        }

        private static void Ensure(HttpResponseMessage response) => Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}");

        private static async Task WaitUntilUp(HttpClient client, Task<int> serving, CancellationToken ct)
        {
            for (var attempt = 0; attempt < 200; attempt++)
            {
                Assert.False(serving.IsCompleted, "crowdfit serve stopped before it listened.");
                try
                {
                    var response = await client.GetAsync("/openapi/v1.json", ct);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                await Task.Delay(50, ct);
            }

            Assert.Fail("crowdfit serve did not answer within 10 s.");
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
