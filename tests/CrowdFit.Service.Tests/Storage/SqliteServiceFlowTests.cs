namespace CrowdFit.Service.Tests.Storage;

/// <summary>The answer, restart and export suite on SQLite.</summary>
public sealed class SqliteServiceFlowTests : ServiceFlowTests<SqliteStore>;
