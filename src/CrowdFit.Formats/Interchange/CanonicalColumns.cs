namespace CrowdFit.Formats.Interchange;

/// <summary>The columns of the canonical answer log, in the order CrowdFit writes them.</summary>
public static class CanonicalColumns
{
    /// <summary>Index of <c>task</c>, the id of the item answered (required).</summary>
    public const int Task = 0;

    /// <summary>Index of <c>worker</c>, the id of who answered (required).</summary>
    public const int Worker = 1;

    /// <summary>Index of <c>label</c>, the answer (required).</summary>
    public const int Label = 2;

    /// <summary>Index of <c>started_at</c>, an ISO 8601 timestamp.</summary>
    public const int StartedAt = 3;

    /// <summary>Index of <c>submitted_at</c>, an ISO 8601 timestamp.</summary>
    public const int SubmittedAt = 4;

    /// <summary>Index of <c>ip</c>.</summary>
    public const int Ip = 5;

    /// <summary>Index of <c>device</c>.</summary>
    public const int Device = 6;

    /// <summary>Index of <c>country</c>.</summary>
    public const int Country = 7;

    /// <summary>Index of <c>payment_country</c>.</summary>
    public const int PaymentCountry = 8;

    /// <summary>Index of <c>task_type</c>.</summary>
    public const int TaskType = 9;

    /// <summary>Index of <c>reward</c>, a decimal number.</summary>
    public const int Reward = 10;

    /// <summary>Index of <c>project</c>.</summary>
    public const int Project = 11;

    /// <summary>Index of <c>vendor</c>.</summary>
    public const int Vendor = 12;

    /// <summary>Every canonical column name; the index of a name is its constant above.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "task", "worker", "label", "started_at", "submitted_at", "ip", "device", "country", "payment_country", "task_type", "reward", "project", "vendor",
    ];

    /// <summary>The index of column <paramref name="name"/> (compared ignoring case and surrounding spaces), or -1.</summary>
    /// <param name="name">A column name.</param>
    public static int IndexOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.Trim();
        for (var i = 0; i < Names.Count; i++)
        {
            if (string.Equals(Names[i], trimmed, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
