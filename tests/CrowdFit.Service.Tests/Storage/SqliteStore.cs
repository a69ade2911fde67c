using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace CrowdFit.Service.Tests.Storage;

/// <summary>A temporary SQLite file.</summary>
public sealed class SqliteStore : TestStore
{
    private readonly TempDatabase _file = new();

    public override string Provider => "sqlite";

    public string Path => _file.Path;

    public override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "sqlite",
        ["ConnectionStrings:Sqlite"] = $"Data Source={_file.Path}",
    };

    public override DbConnection Open() => _file.Open();

    public override TestStore Copy()
    {
        Release();
        var copy = new SqliteStore();
        File.Copy(_file.Path, copy.Path);
        return copy;
    }

    // Closing the last connection checkpoints the WAL into the file, so a plain copy holds everything.
    public override void Release() => SqliteConnection.ClearAllPools();

    protected override void Dispose(bool disposing) => _file.Dispose();
}
