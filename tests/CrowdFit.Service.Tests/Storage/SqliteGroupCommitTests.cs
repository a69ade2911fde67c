namespace CrowdFit.Service.Tests.Storage;

/// <summary>The group commit suite on SQLite.</summary>
public sealed class SqliteGroupCommitTests(ITestOutputHelper output) : GroupCommitTests<SqliteStore>(output);
