namespace CrowdFit.Service.Tests.Storage;

/// <summary>Schema upgrade on PostgreSQL.</summary>
public sealed class PostgresSchemaUpgradeTests : SchemaUpgradeTests<PostgresStore>;
