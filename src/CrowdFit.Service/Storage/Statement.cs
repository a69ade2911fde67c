using System.Data.Common;

namespace CrowdFit.Service.Storage;

/// <summary>One reusable INSERT with positional parameters <c>@p0..@pN</c>.</summary>
internal sealed class Statement
{
    public Statement(DbConnection connection, string table, params string[] columns)
    {
        Command = connection.CreateCommand();
        var names = columns.Select((_, i) => $"@p{i}").ToArray();
        Command.CommandText = $"insert into {table} ({string.Join(", ", columns)}) values ({string.Join(", ", names)})";
        foreach (var name in names)
        {
            var parameter = Command.CreateParameter();
            parameter.ParameterName = name;
            Command.Parameters.Add(parameter);
        }
    }

    public DbCommand Command { get; }

    public async Task RunAsync(params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            Command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        await Command.ExecuteNonQueryAsync();
    }
}
