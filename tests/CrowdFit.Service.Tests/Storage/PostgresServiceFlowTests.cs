namespace CrowdFit.Service.Tests.Storage;

/// <summary>The answer, restart and export suite on PostgreSQL.</summary>
public sealed class PostgresServiceFlowTests : ServiceFlowTests<PostgresStore>;
