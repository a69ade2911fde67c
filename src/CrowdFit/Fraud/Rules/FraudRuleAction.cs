namespace CrowdFit.Fraud.Rules;

/// <summary>What breaking a <see cref="FraudRule"/> does; JSON <c>"action": "flag" | "suspend"</c>.</summary>
public enum FraudRuleAction
{
    /// <summary>
    /// <c>flag</c>: the offending answers are flagged; the worker is flagged only when its answers break flag
    /// rules at least <see cref="FraudRules.WorkerShare"/> of the time.
    /// </summary>
    Flag,

    /// <summary><c>suspend</c>: the offending answers and the whole worker are flagged.</summary>
    Suspend,
}
