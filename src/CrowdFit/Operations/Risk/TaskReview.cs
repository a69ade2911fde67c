using System.Globalization;

namespace CrowdFit.Operations;

/// <summary>One task of a <see cref="ReviewPlanReport"/>: its risk class, review method, and whether and why it goes to a reviewer.</summary>
public sealed record TaskReview
{
    /// <summary>The task id.</summary>
    public string Task { get; init; } = "";

    /// <summary>
    /// The task's type: the <c>task_type</c> of its first answer (lowest source row), <see cref="ReviewPlan.NoTypeName"/>
    /// when that answer has none, or <see cref="ReviewPlan.AllTypesName"/> when the log has no task types.
    /// </summary>
    public string TaskType { get; init; } = "";

    /// <summary>The risk class of the task's type.</summary>
    public RiskClass Class { get; init; }

    /// <summary>The review method of that class.</summary>
    public ReviewMethod Method { get; init; }

    /// <summary>Whether the task is gold (its true label is known).</summary>
    public bool Gold { get; init; }

    /// <summary>Whether a reviewer (a second reviewer, or an expert) sees the task.</summary>
    public bool Selected { get; init; }

    /// <summary>Why the task was or was not selected.</summary>
    public ReviewReason Reason { get; init; }

    /// <summary>Posterior probability of the task's inferred label, in [0, 1].</summary>
    public double Confidence { get; init; }

    /// <summary>Answers the task has.</summary>
    public int Answers { get; init; }

    /// <summary>Distinct labels among its answers; more than 1 means the answers disagree.</summary>
    public int DistinctLabels { get; init; }

    /// <summary>The task's stable draw in [0, 1) (<see cref="ReviewPlan.Draw"/>); a spot sample takes the tasks whose draw is under the share.</summary>
    public double Draw { get; init; }

    /// <summary>
    /// The cut the reason compares against: the spot share for <see cref="ReviewReason.SpotSample"/> and
    /// <see cref="ReviewReason.NotSampled"/>, the edge confidence for <see cref="ReviewReason.LowConfidence"/>; NaN
    /// otherwise.
    /// </summary>
    public double Threshold { get; init; } = double.NaN;

    /// <summary>The reason as one short sentence with its numbers, for a review file.</summary>
    public string Text => Reason switch
    {
        ReviewReason.EveryTask => "expert review of every task; record the decision in the audit trail",
        ReviewReason.Gold => "gold task: its answers are checked against the known label",
        ReviewReason.LowConfidence => Invariant($"edge case: confidence {Confidence:F3} < {Threshold:F2}"),
        ReviewReason.Disagreement => Invariant($"edge case: answers disagree ({DistinctLabels} labels among {Answers} answers)"),
        ReviewReason.SpotSample => Invariant($"spot sample: draw {Draw:F4} < share {Threshold:F4}"),
        _ => Method == ReviewMethod.EdgeCaseReview
            ? Invariant($"no edge case (confidence {Confidence:F3}, {DistinctLabels} label(s)); not sampled: draw {Draw:F4} >= share {Threshold:F4}")
            : Invariant($"not sampled: draw {Draw:F4} >= share {Threshold:F4}"),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
