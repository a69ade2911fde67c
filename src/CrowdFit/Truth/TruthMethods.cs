namespace CrowdFit.Truth;

/// <summary>The truth-inference methods by name, and the default one.</summary>
public static class TruthMethods
{
    /// <summary>Name of the default method.</summary>
    /// <remarks>
    /// Chosen by accuracy over the public datasets of <c>data/truth</c> with no per-dataset settings; the
    /// measurements are in <c>bench/results/truth-accuracy.md</c>. EBCC is IBCC when worker pairs agree no more
    /// than IBCC predicts (and then as fast); where they do, its class subtypes absorb the shared errors, which
    /// keeps it within a point of majority vote on every dataset, at about ten times IBCC's cost.
    /// </remarks>
    public const string DefaultName = "ebcc";

    /// <summary>Name of the method fraud analysis re-infers truth with by default.</summary>
    /// <remarks>
    /// IBCC: the analysis infers truth three times (on every answer, then twice without the flagged ones, warm
    /// started) on logs that fraud rings make correlated, where EBCC's subtype fit would cost ten times as much.
    /// </remarks>
    public const string AnalysisDefaultName = "ibcc";

    private static readonly Dictionary<string, Func<ITruthMethod>> s_factories = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mv"] = () => new MajorityVote(),
        ["wawa"] = () => new Wawa(),
        ["ds"] = () => new DawidSkene(),
        ["onecoin"] = () => new OneCoinDawidSkene(),
        ["glad"] = () => new Glad(),
        ["ibcc"] = () => new Ibcc(),
        ["ebcc"] = () => new Ebcc(),
    };

    /// <summary>All method names, in the order reports list them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["mv", "wawa", "ds", "onecoin", "glad", "ibcc", "ebcc"];

    /// <summary>Creates the method called <paramref name="name"/> with its default options.</summary>
    /// <exception cref="ArgumentException">No method has that name; the message lists the names.</exception>
    public static ITruthMethod Create(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return s_factories.TryGetValue(name, out var factory)
            ? factory()
            : throw new ArgumentException($"Unknown truth method '{name}'; expected one of: {string.Join(", ", Names)}.", nameof(name));
    }

    /// <summary>Creates the default method.</summary>
    public static ITruthMethod CreateDefault() => Create(DefaultName);
}
