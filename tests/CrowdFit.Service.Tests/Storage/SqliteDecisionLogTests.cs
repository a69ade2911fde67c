namespace CrowdFit.Service.Tests.Storage;

/// <summary>The decision log suite on SQLite.</summary>
public sealed class SqliteDecisionLogTests(DecisionLogTests<SqliteStore>.StoredLog log) : DecisionLogTests<SqliteStore>(log);
