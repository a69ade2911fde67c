using CrowdFit.Service.Tests.Storage;

namespace CrowdFit.Service.Tests.Workforce;

/// <summary>Pay and start times across a restart on SQLite.</summary>
public sealed class SqlitePayStorageTests : PayStorageTests<SqliteStore>;
