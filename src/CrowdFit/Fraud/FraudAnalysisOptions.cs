using CrowdFit.Truth;

namespace CrowdFit.Fraud;

/// <summary>Settings of <see cref="FraudAnalysis"/>.</summary>
public sealed record FraudAnalysisOptions
{
    /// <summary>The default options.</summary>
    public static FraudAnalysisOptions Default { get; } = new();

    /// <summary>Name of the truth-inference method (see <see cref="TruthMethods.Names"/>).</summary>
    /// <value><see cref="TruthMethods.AnalysisDefaultName"/>.</value>
    public string TruthMethod { get; init; } = TruthMethods.AnalysisDefaultName;

    /// <summary>How detectors are combined and where thresholds lie.</summary>
    /// <value><see cref="FraudScoringOptions.Default"/>.</value>
    public FraudScoringOptions Scoring { get; init; } = FraudScoringOptions.Default;

    /// <summary>
    /// Rounds of "infer truth, run detectors, re-infer truth without flagged answers". The second round lets
    /// detectors that compare answers with the truth see a truth no longer pulled by the fraud they found.
    /// </summary>
    /// <value>2. Must be 1 to 5.</value>
    public int Rounds { get; init; } = 2;

    /// <summary>Lists every problem with these options; empty when they are valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        List<string> problems = [.. Scoring?.Problems() ?? ["Scoring must not be null."]];
        if (!TruthMethods.Names.Contains(TruthMethod, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add($"TruthMethod must be one of {string.Join(", ", TruthMethods.Names)}; got '{TruthMethod}'.");
        }

        if (Rounds is < 1 or > 5)
        {
            problems.Add($"Rounds must be 1 to 5; got {Rounds}.");
        }

        return problems;
    }
}
