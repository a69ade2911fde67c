using System.Net.Http.Json;
using CrowdFit.Service.Audit;
using System.Data.Common;
using CrowdFit.Service.Storage;
using CrowdFit.Service.Tests.Storage;
using Dapper;
using static CrowdFit.Service.Tests.TestContextExtensions;

namespace CrowdFit.Service.Tests;

/// <summary>Tampering with the stored decision log through SQL, on each storage provider.</summary>
public abstract class DecisionLogTests<TStore>(DecisionLogTests<TStore>.StoredLog log) : IClassFixture<DecisionLogTests<TStore>.StoredLog>
    where TStore : TestStore, new()
{
    /// <summary>A copy of the stored log (20 answers over projects p1 and p2) that a test may tamper with.</summary>
    private TestStore LogWithAnswers() => log.Database.Copy();

    private static void Execute(DbConnection connection, string sql) => connection.Execute(sql);

    [Fact]
    public void Verify_UntouchedLog_IsIntact()
    {
        using var db = LogWithAnswers();
        using var connection = db.Open();

        var result = DecisionLog.Verify(connection);

        Assert.True(result.Intact, result.Problem);
        Assert.Equal(20, result.Entries);
        Assert.Equal(2, result.Projects);
    }

    [Theory]
    [InlineData("update decision_log set label = 'b' where project_id = 'p2' and position = 3", "p2", 3L, "altered")]
    [InlineData("update decision_log set reasons = '[]' where project_id = 'p1' and position = 0", "p1", 0L, "altered")]
    [InlineData("update decision_log set confidence = confidence + 1e-9 where project_id = 'p1' and position = 6", "p1", 6L, "altered")]
    [InlineData("delete from decision_log where project_id = 'p1' and position = 4", "p1", 4L, "missing")]
    [InlineData("delete from decision_log where project_id = 'p2' and position = 9", "p2", null, "missing")]
    public void Verify_RowChangedThroughSql_ReportsFirstBadEntry(string sql, string project, long? position, string problem)
    {
        using var db = LogWithAnswers();
        using var connection = db.Open();
        Execute(connection, sql);

        var result = DecisionLog.Verify(connection);

        Assert.False(result.Intact);
        Assert.Equal(project, result.Project);
        Assert.Equal(position, result.Position);
        Assert.Contains(problem, result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_EntryAlteredAndRehashed_ReportsBrokenLinkAtTheNextEntry()
    {
        using var db = LogWithAnswers();
        using var connection = db.Open();
        Execute(connection, "update decision_log set label = 'c' where project_id = 'p1' and position = 1");
        var row = connection.QuerySingle<DecisionLogRow>(
            """
            select seq as Seq, project_id as ProjectId, position as Position, answer_id as AnswerId, task_id as TaskId,
                   action as Action, label as Label, confidence as Confidence, extra_answers as ExtraAnswers, reasons as Reasons,
                   model_version as ModelVersion, actor as Actor, at as At, prev_hash as PrevHash, hash as Hash
            from decision_log where project_id = 'p1' and position = 1
            """);
        connection.Execute("update decision_log set hash = @h where seq = @s", new { h = DecisionLog.Hash(row.PrevHash, row), s = row.Seq });

        var result = DecisionLog.Verify(connection);

        Assert.Equal("p1", result.Project);
        Assert.Equal(2, result.Position);
        Assert.Contains("does not link", result.Problem, StringComparison.Ordinal);
    }

    /// <summary>The log written once through the service, which is then stopped.</summary>
    public sealed class StoredLog : IAsyncLifetime
    {
        public TStore Database { get; } = new();

        public async ValueTask InitializeAsync()
        {
            await using (var app = new ServiceApp(Database))
            {
                using var admin = app.Admin();
                await ServiceApp.CreateProjectAsync(admin, "p1", 10);
                await ServiceApp.CreateProjectAsync(admin, "p2", 10);
                for (var i = 0; i < 20; i++)
                {
                    await admin.PostAsJsonAsync($"/api/projects/p{1 + (i % 2)}/answers", new { task = $"t{i % 10}", worker = $"w{i / 10}", label = "a" }, Ct);
                }
            }

            Database.Release();
        }

        public ValueTask DisposeAsync()
        {
            Database.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
