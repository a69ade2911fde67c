namespace CrowdFit.Truth;

/// <summary>The truth-inference methods by name, and the default one.</summary>
public static class TruthMethods
{
    /// <summary>Name of the default method.</summary>
    /// <remarks>
    /// Chosen by accuracy over the public datasets of <c>data/truth</c> with no per-dataset settings; the
    /// measurements are in <c>bench/results/truth-accuracy.md</c>.
    /// </remarks>
    public const string DefaultName = "ibcc";

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
