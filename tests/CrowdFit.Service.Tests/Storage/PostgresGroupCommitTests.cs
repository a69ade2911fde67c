namespace CrowdFit.Service.Tests.Storage;

/// <summary>The group commit suite on PostgreSQL.</summary>
public sealed class PostgresGroupCommitTests(ITestOutputHelper output) : GroupCommitTests<PostgresStore>(output);
