using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CrowdFit.Service.Storage;
using Dapper;

namespace CrowdFit.Service.Audit;

/// <summary>
/// The tamper-evident decision log (SPEC F4): each project's entries form a chain in which an entry's hash is
/// SHA-256 over the previous entry's hash and the entry's canonical serialisation.
/// </summary>
/// <remarks>
/// Altering any stored field of an entry, deleting or reordering entries, or deleting the entry of a stored answer
/// breaks the chain and is found by <see cref="Verify"/>. Deleting the newest entries of a chain together with their
/// answers is not detectable from the database alone; keep a copy of each chain's head elsewhere for that.
/// </remarks>
public static class DecisionLog
{
    /// <summary>The previous hash of a chain's first entry: 64 zeros.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>Checks every project's chain in the database and reports the first altered or missing entry.</summary>
    /// <param name="connection">An open connection to the service's database (SQLite or PostgreSQL).</param>
    /// <exception cref="ArgumentNullException"><paramref name="connection"/> is null.</exception>
    public static LogVerification Verify(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var rows = connection.Query<DecisionLogRow>(
            """
            select seq as Seq, project_id as ProjectId, position as Position, answer_id as AnswerId, task_id as TaskId,
                   action as Action, label as Label, confidence as Confidence, extra_answers as ExtraAnswers, reasons as Reasons,
                   model_version as ModelVersion, actor as Actor, at as At, prev_hash as PrevHash, hash as Hash
            from decision_log order by project_id, position
            """,
            buffered: false);
        long entries = 0;
        var projects = 0;
        string? project = null;
        long expected = 0;
        var previous = Genesis;
        foreach (var row in rows)
        {
            entries++;
            if (!string.Equals(row.ProjectId, project, StringComparison.Ordinal))
            {
                (project, expected, previous) = (row.ProjectId, 0, Genesis);
                projects++;
            }

            if (row.Position != expected)
            {
                return new LogVerification(entries, projects, project, expected, $"entry {expected} is missing (the next stored entry is {row.Position})");
            }

            if (!string.Equals(row.PrevHash, previous, StringComparison.Ordinal))
            {
                return new LogVerification(entries, projects, project, expected, $"entry {expected} does not link to the entry before it (an earlier entry was removed or altered)");
            }

            if (!string.Equals(Hash(previous, row), row.Hash, StringComparison.Ordinal))
            {
                return new LogVerification(entries, projects, project, expected, $"entry {expected} was altered: its content does not match its hash");
            }

            previous = row.Hash;
            expected++;
        }

        var orphan = connection.QueryFirstOrDefault<long?>(
            "select a.id from answers a left join decision_log d on d.answer_id = a.id where d.seq is null order by a.id limit 1");
        return orphan is { } id
            ? new LogVerification(entries, projects, connection.QuerySingle<string>("select project_id from answers where id = @id", new { id }), null, $"answer {id} has no decision log entry (its entry is missing)")
            : new LogVerification(entries, projects, null, null, null);
    }

    /// <summary>The entry's hash given the previous entry's: lower-case hex SHA-256 of the previous hash, a newline and <see cref="Canonical"/>.</summary>
    internal static string Hash(string previous, DecisionLogRow row)
    {
        var bytes = Encoding.UTF8.GetBytes(previous + "\n" + Canonical(row));
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>The entry as compact JSON with a fixed field order; numbers in invariant round-trip form.</summary>
    internal static string Canonical(DecisionLogRow row)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("project", row.ProjectId);
            json.WriteNumber("position", row.Position);
            json.WritePropertyName("answer");
            if (row.AnswerId is { } answer)
            {
                json.WriteNumberValue(answer);
            }
            else
            {
                json.WriteNullValue();
            }

            json.WriteString("task", row.TaskId);
            json.WriteString("action", row.Action);
            json.WriteString("label", row.Label);
            json.WriteString("confidence", row.Confidence.ToString("R", CultureInfo.InvariantCulture));
            json.WriteNumber("extraAnswers", row.ExtraAnswers);
            json.WriteString("reasons", row.Reasons);
            json.WriteNumber("modelVersion", row.ModelVersion);
            json.WriteString("actor", row.Actor);
            json.WriteString("at", row.At);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
