using System.Data.Common;
using Dapper;

namespace CrowdFit.Service.Storage;

internal sealed partial class CommitQueue
{
    /// <summary>Runs a write's hand-written statements in the batch's transaction, in order.</summary>
    private static async Task WriteSqlAsync(DbConnection connection, DbTransaction transaction, PendingWrite write)
    {
        foreach (var statement in write.Sql)
        {
            await connection.ExecuteAsync(statement.Sql, statement.Parameters, transaction);
        }
    }
}
