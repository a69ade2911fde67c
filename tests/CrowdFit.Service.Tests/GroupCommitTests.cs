using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using CrowdFit.Service.Storage;
using CrowdFit.Service.Tests.Storage;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using static CrowdFit.Service.Tests.TestContextExtensions;

namespace CrowdFit.Service.Tests;

/// <summary>Concurrent answers through the group commit, on each storage provider.</summary>
public abstract class GroupCommitTests<TStore>(ITestOutputHelper output)
    where TStore : TestStore, new()
{
    [Fact]
    public async Task ParallelAnswers_AllAcknowledgedAndAllStoredInFewerTransactions()
    {
        using var store = new TStore();
        await using var app = new ServiceApp(store);
        using var admin = app.Admin();
        await ServiceApp.CreateProjectAsync(admin, "p1", 100);
        var queue = app.Services.GetRequiredService<CommitQueue>();
        var before = queue.Transactions;
        var watch = Stopwatch.StartNew();

        var responses = await Task.WhenAll(Enumerable.Range(0, 500).Select(i =>
            admin.PostAsJsonAsync("/api/projects/p1/answers", new { task = $"t{i % 100}", worker = $"w{i / 100}", label = "abc"[i % 3].ToString() }, Ct)));
        watch.Stop();
        await using var connection = store.Open();
        var stored = Count(connection, "select count(*) from answers");
        var logged = Count(connection, "select count(*) from decision_log");
        var ids = responses.Select(r => ServiceApp.JsonAsync(r).Result.GetProperty("answerId").GetInt64()).ToHashSet();
        var storedIds = connection.Query<long>("select id from answers").ToHashSet();
        output.WriteLine($"{store.Provider}: 500 answers in {watch.ElapsedMilliseconds} ms over {queue.Transactions - before} transactions");

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(500, stored);
        Assert.Equal(500, logged);
        Assert.Equal(500, ids.Count);
        Assert.Subset(storedIds, ids);
        Assert.True(queue.Transactions - before < 500, $"{queue.Transactions - before} transactions for 500 answers");
        if (store.Provider == "sqlite")
        {
            Assert.Equal("wal", connection.ExecuteScalar<string>("pragma journal_mode"));
        }
    }

    private static long Count(DbConnection connection, string sql) => connection.ExecuteScalar<long>(sql);
}
