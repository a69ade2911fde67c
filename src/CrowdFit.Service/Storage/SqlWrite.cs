namespace CrowdFit.Service.Storage;

/// <summary>One hand-written statement (Dapper parameters by name) committed in a <see cref="PendingWrite"/>'s transaction.</summary>
/// <param name="Sql">The statement, with lower-case snake_case names so it reads the same on SQLite and PostgreSQL.</param>
/// <param name="Parameters">An object whose properties are the statement's <c>@name</c> parameters.</param>
internal sealed record SqlWrite(string Sql, object Parameters);
