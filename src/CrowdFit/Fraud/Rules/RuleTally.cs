namespace CrowdFit.Fraud.Rules;

/// <summary>One rule's record of one worker, for the reasons.</summary>
internal struct RuleTally
{
    /// <summary>Answers of the worker the rule looked at (of its task type, with the data it needs).</summary>
    public int Considered;

    /// <summary>Failed gold answers (<c>max-failed-gold</c>) or mismatched countries (<c>country-mismatch</c>) among them.</summary>
    public int Found;

    /// <summary>Answers that broke the rule.</summary>
    public int Hits;

    /// <summary>The worst value seen: largest window count, shortest or longest duration.</summary>
    public double Extreme;

    /// <summary>For <c>max-rate</c>: start of the largest window, in seconds since <see cref="WorkLog.Origin"/>.</summary>
    public double At;
}
