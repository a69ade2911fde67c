using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using CrowdFit.Service.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using static CrowdFit.Service.Tests.TestContextExtensions;

namespace CrowdFit.Service.Tests;

public sealed class GroupCommitTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ParallelAnswers_AllAcknowledgedAndAllStoredInFewerTransactions()
    {
        using var db = new TempDatabase();
        await using var app = new ServiceApp(db.Path);
        using var admin = app.Admin();
        await ServiceApp.CreateProjectAsync(admin, "p1", 100);
        var queue = app.Services.GetRequiredService<CommitQueue>();
        var before = queue.Transactions;
        var watch = Stopwatch.StartNew();

        var responses = await Task.WhenAll(Enumerable.Range(0, 500).Select(i =>
            admin.PostAsJsonAsync("/api/projects/p1/answers", new { task = $"t{i % 100}", worker = $"w{i / 100}", label = "abc"[i % 3].ToString() }, Ct)));
        watch.Stop();
        using var connection = db.Open();
        var stored = Count(connection, "select count(*) from answers");
        var logged = Count(connection, "select count(*) from decision_log");
        var ids = responses.Select(r => ServiceApp.JsonAsync(r).Result.GetProperty("answerId").GetInt64()).ToHashSet();
        output.WriteLine($"500 answers in {watch.ElapsedMilliseconds} ms over {queue.Transactions - before} transactions");

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(500, stored);
        Assert.Equal(500, logged);
        Assert.Equal(500, ids.Count);
        Assert.True(queue.Transactions - before < 500, $"{queue.Transactions - before} transactions for 500 answers");
        Assert.Equal("wal", (string)new SqliteCommand("pragma journal_mode", connection).ExecuteScalar()!);
    }

    private static long Count(SqliteConnection connection, string sql) => (long)new SqliteCommand(sql, connection).ExecuteScalar()!;
}
