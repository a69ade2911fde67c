using System.Data.Common;
using Dapper;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CrowdFit.Service.Storage;

/// <summary>
/// Brings a database made by an earlier CrowdFit up to the current schema. Creating the schema only happens for an
/// empty database, so columns added since (a project's pay and rules, an answer's start time) would be missing from an
/// existing one. Every nullable column the model has and the table lacks is added, empty; anything else that differs
/// (a missing table, a missing column that may not be empty) stops the start with a message naming it.
/// </summary>
internal static class SchemaUpgrade
{
    /// <summary>Adds the missing nullable columns and returns them as <c>table.column</c>.</summary>
    /// <exception cref="InvalidOperationException">A table is missing, or a missing column may not be null.</exception>
    public static async Task<IReadOnlyList<string>> ApplyAsync(IModel model, DbConnection connection, bool postgres, CancellationToken cancellationToken)
    {
        var added = new List<string>();
        foreach (var entity in model.GetEntityTypes())
        {
            if (entity.GetTableName() is not { } table)
            {
                continue;
            }

            var existing = await ColumnsAsync(connection, table, postgres, cancellationToken);
            if (existing.Count == 0)
            {
                throw new InvalidOperationException(
                    $"The database has no table '{table}': it was made by a CrowdFit too old to upgrade in place. Export its labels and start from a new database.");
            }

            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            foreach (var property in entity.GetProperties())
            {
                if (property.GetColumnName(store) is not { } column || existing.Contains(column))
                {
                    continue;
                }

                if (!property.IsNullable)
                {
                    throw new InvalidOperationException(
                        $"The database's table '{table}' lacks the column '{column}', which may not be empty, so it cannot be added in place.");
                }

                var type = property.GetColumnType(store);
                await connection.ExecuteAsync(new CommandDefinition($"alter table {table} add column {column} {type}", cancellationToken: cancellationToken));
                added.Add($"{table}.{column}");
            }
        }

        return added;
    }

    private static async Task<HashSet<string>> ColumnsAsync(DbConnection connection, string table, bool postgres, CancellationToken cancellationToken)
    {
        var sql = postgres
            ? "select column_name from information_schema.columns where table_schema = current_schema() and table_name = @table"
            : "select name from pragma_table_info(@table)";
        var names = await connection.QueryAsync<string>(new CommandDefinition(sql, new { table }, cancellationToken: cancellationToken));
        return new HashSet<string>(names, StringComparer.Ordinal);
    }
}
