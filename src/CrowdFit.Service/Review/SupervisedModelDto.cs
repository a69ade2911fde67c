using CrowdFit.Live;

namespace CrowdFit.Service.Review;

/// <summary>The state of the project's supervised fraud model, trained on analysts' decisions (SPEC D4).</summary>
/// <param name="State">
/// <c>off</c> (no analyst decisions yet), <c>pending</c> (decisions wait for a re-estimation), <c>skipped</c> (the last
/// re-estimation could not train it; see <paramref name="Reason"/>) or <c>trained</c>.
/// </param>
/// <param name="Reason">Why it is off, pending or skipped; null when trained.</param>
/// <param name="Decisions">Analysts' decisions recorded (confirmed and cleared cases).</param>
/// <param name="FraudAnswers">Answers labelled fraud at the last re-estimation with decisions (a worker case labels each of the worker's analysed answers).</param>
/// <param name="ClearedAnswers">Answers labelled not fraud at that re-estimation.</param>
/// <param name="ModelVersion">The model version of the re-estimation that trained or skipped it; 0 when off or pending.</param>
public sealed record SupervisedModelDto(string State, string? Reason, int Decisions, int FraudAnswers, int ClearedAnswers, int ModelVersion)
{
    /// <summary>The name the supervised model reports under.</summary>
    public const string Detector = "supervised";

    internal static SupervisedModelDto Of(ConfirmedCases confirmed, StackedRun run)
    {
        var decisions = confirmed.Count;
        if (decisions == 0)
        {
            return new SupervisedModelDto("off", "no analyst decisions yet", 0, 0, 0, 0);
        }

        var (fraud, cleared) = confirmed.LastResolved;
        return run.Reports.FirstOrDefault(r => r.Detector == Detector) is not { } report
            ? new SupervisedModelDto("pending", "waiting for a re-estimation over finished tasks", decisions, fraud, cleared, 0)
            : report.Ran
                ? new SupervisedModelDto("trained", null, decisions, fraud, cleared, run.ModelVersion)
                : new SupervisedModelDto("skipped", report.SkippedBecause, decisions, fraud, cleared, run.ModelVersion);
    }
}
