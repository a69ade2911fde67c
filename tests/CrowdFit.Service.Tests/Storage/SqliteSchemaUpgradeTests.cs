namespace CrowdFit.Service.Tests.Storage;

/// <summary>Schema upgrade on SQLite.</summary>
public sealed class SqliteSchemaUpgradeTests : SchemaUpgradeTests<SqliteStore>;
