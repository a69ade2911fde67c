using System.Collections.ObjectModel;
using System.Text;

namespace CrowdFit.Operations;

/// <summary>The operator's risk class per task type (SPEC G4), read from JSON or built in code.</summary>
/// <remarks>
/// <para>The format (comments and trailing commas are allowed):</para>
/// <code>
/// {
///   "task_types": { "medical": "high", "moderation": "medium", "image-tagging": "low" },
///   "default": "low"
/// }
/// </code>
/// <para>
/// Both properties are optional. <c>task_types</c> maps a task type, exactly as spelled in the log's
/// <c>task_type</c> column (compared case-sensitively), to <c>low</c>, <c>medium</c> or <c>high</c> (compared
/// ignoring case). <c>default</c> is the class of every type the map does not name; <c>low</c> when absent. A type
/// the operator names keeps its class whatever the data say; an unnamed type starts at the default and may be
/// raised by <see cref="ReviewPlan"/>, never lowered. Any other property is an error, so a misspelt key cannot be
/// silently ignored.
/// </para>
/// </remarks>
public sealed class RiskPolicy
{
    private readonly ReadOnlyDictionary<string, RiskClass> _taskTypes;

    /// <summary>Creates a policy.</summary>
    /// <param name="taskTypes">The operator's class per task type; copied. Keys are compared ordinally.</param>
    /// <param name="defaultClass">The class of every type <paramref name="taskTypes"/> does not name.</param>
    /// <exception cref="ArgumentNullException"><paramref name="taskTypes"/> is null.</exception>
    /// <exception cref="ArgumentException">A task type is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A class is not a defined <see cref="RiskClass"/>.</exception>
    public RiskPolicy(IReadOnlyDictionary<string, RiskClass> taskTypes, RiskClass defaultClass = RiskClass.Low)
    {
        ArgumentNullException.ThrowIfNull(taskTypes);
        CheckDefined(defaultClass, nameof(defaultClass));
        var copy = new Dictionary<string, RiskClass>(taskTypes.Count, StringComparer.Ordinal);
        foreach (var (type, risk) in taskTypes)
        {
            if (string.IsNullOrWhiteSpace(type))
            {
                throw new ArgumentException("A task type must not be empty.", nameof(taskTypes));
            }

            CheckDefined(risk, nameof(taskTypes));
            copy.Add(type, risk);
        }

        _taskTypes = copy.AsReadOnly();
        Default = defaultClass;
    }

    /// <summary>A policy that names no type: every type starts at <see cref="RiskClass.Low"/> and only the data raise it.</summary>
    public static RiskPolicy None { get; } = new(new Dictionary<string, RiskClass>());

    /// <summary>The operator's class per task type (JSON <c>task_types</c>).</summary>
    public IReadOnlyDictionary<string, RiskClass> TaskTypes => _taskTypes;

    /// <summary>The class of every type <see cref="TaskTypes"/> does not name (JSON <c>default</c>).</summary>
    /// <value><see cref="RiskClass.Low"/>.</value>
    public RiskClass Default { get; }

    /// <summary>The operator's class of a task type.</summary>
    /// <param name="taskType">The type as spelled in the log.</param>
    /// <returns>The class, or <see langword="null"/> when the policy does not name the type.</returns>
    public RiskClass? ClassOf(string taskType) => _taskTypes.TryGetValue(taskType, out var risk) ? risk : null;

    /// <summary>Reads and validates a policy file.</summary>
    /// <param name="json">UTF-8 JSON (a byte order mark is allowed); read to its end, not closed.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="RiskPolicyException">The file is not valid JSON or not a valid policy; the exception names the line and field.</exception>
    public static RiskPolicy Parse(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var buffer = new MemoryStream();
        json.CopyTo(buffer);
        return RiskPolicyReader.Read(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }

    /// <summary>Reads and validates a policy from JSON text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="RiskPolicyException">The text is not valid JSON or not a valid policy; the exception names the line and field.</exception>
    public static RiskPolicy Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return RiskPolicyReader.Read(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>The name of a class as the policy file spells it: <c>low</c>, <c>medium</c> or <c>high</c>.</summary>
    /// <param name="risk">The class.</param>
    /// <returns>The lower-case name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="risk"/> is not a defined value.</exception>
    public static string Name(RiskClass risk) => risk switch
    {
        RiskClass.Low => "low",
        RiskClass.Medium => "medium",
        RiskClass.High => "high",
        _ => throw new ArgumentOutOfRangeException(nameof(risk), risk, "Expected Low, Medium or High."),
    };

    private static void CheckDefined(RiskClass risk, string parameter)
    {
        if (risk is not (RiskClass.Low or RiskClass.Medium or RiskClass.High))
        {
            throw new ArgumentOutOfRangeException(parameter, risk, "Expected Low, Medium or High.");
        }
    }
}
