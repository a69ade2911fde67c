namespace CrowdFit.Operations;

/// <summary>Settings of <see cref="ReviewPlan"/> (SPEC G4): the method of each risk class, its shares and thresholds, and when the data raise a class.</summary>
public sealed record RiskOptions
{
    /// <summary>The default options.</summary>
    public static RiskOptions Default { get; } = new();

    /// <summary>The review method of low-risk tasks.</summary>
    /// <value><see cref="ReviewMethod.SpotCheck"/>. No stricter than <see cref="MediumMethod"/>.</value>
    public ReviewMethod LowMethod { get; init; } = ReviewMethod.SpotCheck;

    /// <summary>The review method of medium-risk tasks.</summary>
    /// <value><see cref="ReviewMethod.EdgeCaseReview"/>. No stricter than <see cref="HighMethod"/>.</value>
    public ReviewMethod MediumMethod { get; init; } = ReviewMethod.EdgeCaseReview;

    /// <summary>The review method of high-risk tasks.</summary>
    /// <value><see cref="ReviewMethod.ExpertReview"/>.</value>
    public ReviewMethod HighMethod { get; init; } = ReviewMethod.ExpertReview;

    /// <summary>Share of the non-gold tasks a <see cref="ReviewMethod.SpotCheck"/> sends to a reviewer.</summary>
    /// <value>0.10 (10 %). In [0, 1].</value>
    public double SpotShare { get; init; } = 0.10;

    /// <summary>Share of the tasks that are no edge case an <see cref="ReviewMethod.EdgeCaseReview"/> still sends to a second reviewer.</summary>
    /// <value>0.05 (5 %). In [0, 1].</value>
    public double EdgeSpotShare { get; init; } = 0.05;

    /// <summary>
    /// A task whose inferred label has a lower posterior probability (<see cref="Truth.TruthResult.Confidence"/>) is an
    /// edge case, and counts as a low-confidence task when the data raise a class.
    /// </summary>
    /// <value>0.9. In (0, 1].</value>
    public double EdgeConfidence { get; init; } = 0.9;

    /// <summary>
    /// Whether a task whose answers name more than one label is an edge case, whatever its confidence. Off by
    /// default: with four or five answers most tasks carry one dissenting answer, and sending all of them to a
    /// second review would review most of the project; the confidence already weighs who dissented.
    /// </summary>
    /// <value><see langword="false"/>.</value>
    public bool EdgeOnDisagreement { get; init; }

    /// <summary>
    /// A task type not named by the operator is raised from low to medium when its agreement (answers equal to the
    /// inferred label, over the answers of tasks with at least two answers) is under this.
    /// </summary>
    /// <value>0.8. In [0, 1]; 0 never raises on agreement.</value>
    public double RaiseBelowAgreement { get; init; } = 0.8;

    /// <summary>
    /// A task type not named by the operator is raised from low to medium when more than this share of its tasks has
    /// a confidence under <see cref="EdgeConfidence"/>.
    /// </summary>
    /// <value>0.25. In [0, 1]; 1 never raises on confidence.</value>
    public double RaiseAboveLowConfidenceShare { get; init; } = 0.25;

    /// <summary>A task type with fewer tasks keeps its default class: its numbers are reported but too noisy to act on.</summary>
    /// <value>30. At least 1.</value>
    public int MinTasksToInfer { get; init; } = 30;

    /// <summary>
    /// Seed of the stable draw that picks spot samples (<see cref="ReviewPlan.Draw"/>): the same seed and task id always
    /// give the same draw, and another seed gives an independent sample.
    /// </summary>
    /// <value>0.</value>
    public int Seed { get; init; }

    /// <summary>The review method of a risk class.</summary>
    /// <param name="risk">The class.</param>
    /// <returns><see cref="LowMethod"/>, <see cref="MediumMethod"/> or <see cref="HighMethod"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="risk"/> is not a defined value.</exception>
    public ReviewMethod Method(RiskClass risk) => risk switch
    {
        RiskClass.Low => LowMethod,
        RiskClass.Medium => MediumMethod,
        RiskClass.High => HighMethod,
        _ => throw new ArgumentOutOfRangeException(nameof(risk), risk, "Expected Low, Medium or High."),
    };

    /// <summary>Every setting that is out of range, one sentence each; empty when all are valid.</summary>
    /// <returns>The problems, in the order of the properties.</returns>
    public IReadOnlyList<string> Problems()
    {
        List<string> problems = [];
        var methodsDefined = true;
        foreach (var (name, method) in (ReadOnlySpan<(string, ReviewMethod)>)[(nameof(LowMethod), LowMethod), (nameof(MediumMethod), MediumMethod), (nameof(HighMethod), HighMethod)])
        {
            if (method is not (ReviewMethod.SpotCheck or ReviewMethod.EdgeCaseReview or ReviewMethod.ExpertReview))
            {
                problems.Add($"{name} must be SpotCheck, EdgeCaseReview or ExpertReview (was {method}).");
                methodsDefined = false;
            }
        }

        if (methodsDefined && (LowMethod > MediumMethod || MediumMethod > HighMethod))
        {
            problems.Add($"The methods must not get lighter as the risk rises (were {LowMethod}, {MediumMethod}, {HighMethod} for low, medium, high).");
        }

        CheckShare(problems, nameof(SpotShare), SpotShare);
        CheckShare(problems, nameof(EdgeSpotShare), EdgeSpotShare);
        if (!(EdgeConfidence > 0 && EdgeConfidence <= 1))
        {
            problems.Add($"EdgeConfidence must be in (0, 1] (was {EdgeConfidence}).");
        }

        CheckShare(problems, nameof(RaiseBelowAgreement), RaiseBelowAgreement);
        CheckShare(problems, nameof(RaiseAboveLowConfidenceShare), RaiseAboveLowConfidenceShare);
        if (MinTasksToInfer < 1)
        {
            problems.Add($"MinTasksToInfer must be at least 1 (was {MinTasksToInfer}).");
        }

        return problems;
    }

    private static void CheckShare(List<string> problems, string name, double value)
    {
        if (!(value >= 0 && value <= 1))
        {
            problems.Add($"{name} must be in [0, 1] (was {value}).");
        }
    }
}
