namespace CrowdFit.Tests.Fraud.Rules;

/// <summary>One hand-written answer: times in seconds after <see cref="RuleLog.Day"/>, null where missing.</summary>
internal sealed record RuleRow(
    string Task,
    string Worker,
    string Label,
    double? Start = null,
    double? Submit = null,
    string? Country = null,
    string? Payment = null,
    string? Type = null);
