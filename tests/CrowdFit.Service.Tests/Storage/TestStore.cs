using System.Data.Common;

namespace CrowdFit.Service.Tests.Storage;

/// <summary>A fresh, empty database of one provider for one test; removed on dispose.</summary>
public abstract class TestStore : IDisposable
{
    /// <summary>sqlite or postgres, as in <c>Storage:Provider</c>.</summary>
    public abstract string Provider { get; }

    /// <summary>The configuration that points the service at this database.</summary>
    public abstract IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>An open connection for raw SQL, outside the service.</summary>
    public abstract DbConnection Open();

    /// <summary>A new database holding a copy of this one; nothing may be connected to this one meanwhile.</summary>
    public abstract TestStore Copy();

    /// <summary>Closes the pooled connections the service left open, so the database can be copied or dropped.</summary>
    public abstract void Release();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);
}
