namespace CrowdFit.Fraud.Rules;

/// <summary>One hard business rule, as parsed by <see cref="FraudRules.Parse(string)"/>.</summary>
/// <remarks>Numbers that do not apply to the rule's <see cref="Kind"/> are 0.</remarks>
public sealed record FraudRule
{
    /// <summary>Name used in reasons (JSON <c>name</c>); unique within a rule file.</summary>
    public required string Name { get; init; }

    /// <summary>What the rule checks (JSON <c>kind</c>).</summary>
    public required FraudRuleKind Kind { get; init; }

    /// <summary>What breaking it does (JSON <c>action</c>).</summary>
    /// <value><see cref="FraudRuleAction.Suspend"/> for <see cref="FraudRuleKind.MaxFailedGold"/>, otherwise <see cref="FraudRuleAction.Flag"/>.</value>
    public FraudRuleAction Action { get; init; }

    /// <summary>The task type the rule is limited to (JSON <c>task_type</c>, compared ordinally); <see langword="null"/> for all answers.</summary>
    public string? TaskType { get; init; }

    /// <summary>For <see cref="FraudRuleKind.MaxRate"/>: the most answers allowed within <see cref="Seconds"/> (JSON <c>answers</c>, at least 1).</summary>
    public int Answers { get; init; }

    /// <summary>
    /// For <see cref="FraudRuleKind.MaxRate"/>: the window length; for <see cref="FraudRuleKind.MinSeconds"/> and
    /// <see cref="FraudRuleKind.MaxSeconds"/>: the duration limit (JSON <c>seconds</c>, above 0).
    /// </summary>
    public double Seconds { get; init; }

    /// <summary>For <see cref="FraudRuleKind.MaxFailedGold"/>: the most wrong gold answers allowed (JSON <c>count</c>, at least 0).</summary>
    public int Count { get; init; }

    /// <summary>For <see cref="FraudRuleKind.CountryMismatch"/>: the largest share of mismatched answers allowed (JSON <c>min_share</c>, in [0, 1)).</summary>
    public double MinShare { get; init; }

    /// <summary>1-based line of the rule in its file (0 when not read from a file).</summary>
    public int Line { get; init; }
}
