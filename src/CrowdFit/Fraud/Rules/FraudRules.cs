using System.Collections.ObjectModel;
using System.Text;

namespace CrowdFit.Fraud.Rules;

/// <summary>An immutable, validated list of hard business rules (SPEC D6), read from JSON.</summary>
/// <remarks>
/// <para>The format (comments and trailing commas are allowed):</para>
/// <code>
/// {
///   "worker_share": 0.25,
///   "rules": [
///     { "name": "burst", "kind": "max-rate", "answers": 5, "seconds": 60 },
///     { "name": "too-quick-image", "kind": "min-seconds", "task_type": "image", "seconds": 3 },
///     { "name": "too-long", "kind": "max-seconds", "seconds": 3600 },
///     { "name": "failed-gold", "kind": "max-failed-gold", "count": 3, "action": "suspend" },
///     { "name": "geo", "kind": "country-mismatch", "min_share": 0.5 }
///   ]
/// }
/// </code>
/// <para>
/// Every rule has a unique <c>name</c> and a <c>kind</c> (see <see cref="FraudRuleKind"/>), may have an
/// <c>action</c> (<c>flag</c> or <c>suspend</c>, see <see cref="FraudRuleAction"/>) and a <c>task_type</c>
/// limiting it to answers of that type, and takes the numbers of its kind: <c>max-rate</c> takes
/// <c>answers</c> (whole, ≥ 1) and <c>seconds</c> (&gt; 0); <c>min-seconds</c> and <c>max-seconds</c> take
/// <c>seconds</c> (&gt; 0); <c>max-failed-gold</c> takes <c>count</c> (whole, ≥ 0); <c>country-mismatch</c>
/// takes <c>min_share</c> (in [0, 1)). Any other property is an error, so a misspelt limit cannot be
/// silently ignored. The optional top-level <c>worker_share</c> (in (0, 1], default
/// <see cref="DefaultWorkerShare"/>) is the share of a worker's answers that must break flag rules for the
/// worker itself to be flagged.
/// </para>
/// </remarks>
public sealed class FraudRules
{
    /// <summary>The default <see cref="WorkerShare"/>.</summary>
    public const double DefaultWorkerShare = 0.25;

    private readonly ReadOnlyCollection<FraudRule> _rules;

    private FraudRules(FraudRule[] rules, double workerShare)
    {
        _rules = Array.AsReadOnly(rules);
        WorkerShare = workerShare;
    }

    /// <summary>The rules, in file order (never empty).</summary>
    public IReadOnlyList<FraudRule> Rules => _rules;

    /// <summary>Share of a worker's answers that must break flag rules for the worker itself to be flagged (JSON <c>worker_share</c>).</summary>
    /// <value><see cref="DefaultWorkerShare"/> (0.25). In (0, 1].</value>
    public double WorkerShare { get; }

    /// <summary>Reads and validates a rule file.</summary>
    /// <param name="json">UTF-8 JSON (a byte order mark is allowed); read to its end, not closed.</param>
    /// <returns>The rules.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="FraudRuleException">The file is not valid JSON or not a valid rule file; the exception names the line and field.</exception>
    public static FraudRules Parse(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var buffer = new MemoryStream();
        json.CopyTo(buffer);
        return Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }

    /// <summary>Reads and validates rules from JSON text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The rules.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="FraudRuleException">The text is not valid JSON or not a valid rule file; the exception names the line and field.</exception>
    public static FraudRules Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json));
    }

    private static FraudRules Parse(ReadOnlyMemory<byte> json)
    {
        var (rules, workerShare) = FraudRuleReader.Read(json);
        return new FraudRules(rules, workerShare);
    }
}
