using CrowdFit.Service.Tests.Storage;

namespace CrowdFit.Service.Tests.Workforce;

/// <summary>Pay and start times across a restart on PostgreSQL.</summary>
public sealed class PostgresPayStorageTests : PayStorageTests<PostgresStore>;
