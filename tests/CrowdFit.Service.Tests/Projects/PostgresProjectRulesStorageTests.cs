using CrowdFit.Service.Tests.Storage;

namespace CrowdFit.Service.Tests.Projects;

/// <summary>Rules across a restart on PostgreSQL.</summary>
public sealed class PostgresProjectRulesStorageTests : ProjectRulesStorageTests<PostgresStore>;
