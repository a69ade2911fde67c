namespace CrowdFit.Simulation.Adversarial;

/// <summary>The names <see cref="AdversaryKind"/> has in files and on the command line.</summary>
public static class AdversaryKinds
{
    private static readonly string[] s_names =
    [
        "honest", "uniform-spammer", "constant-spammer", "fast-bot", "time-thief", "gold-aware", "sleeper", "ring",
        "shared-account", "account-farm",
    ];

    /// <summary>Every kind, in declaration order.</summary>
    public static IReadOnlyList<AdversaryKind> All { get; } = Enum.GetValues<AdversaryKind>();

    /// <summary>The kebab-case name of <paramref name="kind"/>, as written to <c>truth/workers.csv</c>.</summary>
    public static string Name(this AdversaryKind kind) => s_names[(int)kind];

    /// <summary>The kind named <paramref name="name"/>, or <see langword="null"/>.</summary>
    public static AdversaryKind? Parse(string name)
    {
        var i = Array.IndexOf(s_names, name);
        return i < 0 ? null : (AdversaryKind)i;
    }
}
