namespace CrowdFit.Service.Tests.Storage;

/// <summary>The decision log suite on PostgreSQL.</summary>
public sealed class PostgresDecisionLogTests(DecisionLogTests<PostgresStore>.StoredLog log) : DecisionLogTests<PostgresStore>(log);
