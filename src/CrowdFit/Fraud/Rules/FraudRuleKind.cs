namespace CrowdFit.Fraud.Rules;

/// <summary>What a <see cref="FraudRule"/> checks; the JSON name of each kind is given in its summary.</summary>
public enum FraudRuleKind
{
    /// <summary>
    /// <c>max-rate</c>: more than <see cref="FraudRule.Answers"/> answers submitted by one worker within
    /// <see cref="FraudRule.Seconds"/> seconds. Needs <c>submitted_at</c>.
    /// </summary>
    MaxRate,

    /// <summary>
    /// <c>min-seconds</c>: an answer whose claimed duration (submitted minus started) is below
    /// <see cref="FraudRule.Seconds"/>. Needs <c>started_at</c> and <c>submitted_at</c>.
    /// </summary>
    MinSeconds,

    /// <summary>
    /// <c>max-seconds</c>: an answer whose claimed duration is above <see cref="FraudRule.Seconds"/>. Needs
    /// <c>started_at</c> and <c>submitted_at</c>.
    /// </summary>
    MaxSeconds,

    /// <summary>
    /// <c>max-failed-gold</c>: a worker wrong on more than <see cref="FraudRule.Count"/> gold tasks; the
    /// offending answers are the wrong gold answers. Needs gold labels.
    /// </summary>
    MaxFailedGold,

    /// <summary>
    /// <c>country-mismatch</c>: a worker whose share of answers from a country other than the payment country
    /// is above <see cref="FraudRule.MinShare"/>; the offending answers are the mismatched ones. Needs
    /// <c>country</c> and <c>payment_country</c>.
    /// </summary>
    CountryMismatch,
}
