namespace CrowdFit.Operations;

/// <summary>The review load of one risk class in a <see cref="ReviewPlanReport"/>.</summary>
public sealed record RiskClassSummary
{
    /// <summary>The class.</summary>
    public RiskClass Class { get; init; }

    /// <summary>Its review method.</summary>
    public ReviewMethod Method { get; init; }

    /// <summary>Whether the method keeps an audit trail of every decision (<see cref="ReviewMethod.ExpertReview"/>).</summary>
    public bool AuditTrail => Method == ReviewMethod.ExpertReview;

    /// <summary>The task types in the class, in report order.</summary>
    public IReadOnlyList<string> Types { get; init; } = [];

    /// <summary>Tasks in the class.</summary>
    public int Tasks { get; init; }

    /// <summary>Tasks selected for review.</summary>
    public int Selected { get; init; }

    /// <summary>Selected tasks that are edge cases (low confidence or disagreeing answers).</summary>
    public int EdgeCases { get; init; }

    /// <summary>Selected tasks that are spot samples.</summary>
    public int SpotSamples { get; init; }

    /// <summary>Gold tasks in the class.</summary>
    public int GoldTasks { get; init; }

    /// <summary>
    /// The expected review load: <see cref="Selected"/> over <see cref="Tasks"/>, the share of the class's delivered
    /// tasks a reviewer sees; <see cref="double.NaN"/> for a class without tasks.
    /// </summary>
    public double ReviewLoad => Tasks == 0 ? double.NaN : (double)Selected / Tasks;
}
