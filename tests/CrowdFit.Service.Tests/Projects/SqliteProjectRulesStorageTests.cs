using CrowdFit.Service.Tests.Storage;

namespace CrowdFit.Service.Tests.Projects;

/// <summary>Rules across a restart on SQLite.</summary>
public sealed class SqliteProjectRulesStorageTests : ProjectRulesStorageTests<SqliteStore>;
