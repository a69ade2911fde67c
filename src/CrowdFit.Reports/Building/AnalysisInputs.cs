using CrowdFit.Answers;
using CrowdFit.Fraud;
using CrowdFit.Operations;
using CrowdFit.Truth;
using CrowdFit.Workforce;

namespace CrowdFit.Reports;

/// <summary>The engine results a report is built from.</summary>
/// <remarks>
/// Only <see cref="Result"/> is required. Each missing result leaves its section in the report with the reason
/// it was not measured; <see cref="Compute"/> runs the operations, drift, cohort and gold analyses the same way
/// <c>crowdfit analyze</c> does.
/// </remarks>
public sealed record AnalysisInputs
{
    /// <summary>The fraud analysis: truth, worker estimates, detector reports, scores and the log.</summary>
    public required FraudAnalysisResult Result { get; init; }

    /// <summary>File name of the answer log, shown in the title.</summary>
    public string Source { get; init; } = "";

    /// <summary>Effective pay; <see langword="null"/> when the log has no context.</summary>
    public PayReport? Pay { get; init; }

    /// <summary>Operations metrics; <see langword="null"/> when not computed.</summary>
    public OperationsMetricsReport? Operations { get; init; }

    /// <summary>Drift by time window; <see langword="null"/> when the log has no context.</summary>
    public DriftReport? Drift { get; init; }

    /// <summary>Cohort audit; <see langword="null"/> when the log has no context.</summary>
    public CohortReport? Cohorts { get; init; }

    /// <summary>Gold audit (<see cref="GoldAudit.Audit"/>); <see langword="null"/> when not run.</summary>
    public IReadOnlyList<GoldItem>? GoldAudit { get; init; }

    /// <summary>
    /// Runs the operations metrics, drift by day, the cohort audit by country (task difficulty = how much the task's
    /// answers disagree, see <see cref="Disagreement"/>) and, when asked and there is gold, the gold audit.
    /// </summary>
    /// <param name="result">The fraud analysis.</param>
    /// <param name="pay">Effective pay, or <see langword="null"/>.</param>
    /// <param name="source">File name of the answer log.</param>
    /// <param name="auditGold">Whether to run the gold audit (a second truth inference without the gold).</param>
    /// <returns>The inputs.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static AnalysisInputs Compute(FraudAnalysisResult result, PayReport? pay, string source, bool auditGold)
    {
        ArgumentNullException.ThrowIfNull(result);
        var log = result.Log;
        var answers = log.Answers;
        var operations = OperationsMetrics.Compute(answers, result.Truth, log.Gold.Count > 0 ? log.Gold : null, result.Scores.AnswerFlagged, log.Context);
        DriftReport? drift = null;
        CohortReport? cohorts = null;
        if (log.Context is { } context)
        {
            drift = CrowdFit.Operations.Drift.Analyze(answers, context, result.Truth);
            cohorts = CohortAudit.Analyze(answers, context, result.Scores.WorkerFlagged, Disagreement(answers));
        }

        var audit = auditGold && log.Gold.Count > 0 ? CrowdFit.Truth.GoldAudit.Audit(answers, log.Gold) : null;
        return new AnalysisInputs { Result = result, Source = source, Pay = pay, Operations = operations, Drift = drift, Cohorts = cohorts, GoldAudit = audit };
    }

    /// <summary>
    /// Each task's difficulty for the cohort audit: 1 − the share of its answers, all of them, that give its most
    /// common label (0 for a task with one answer).
    /// </summary>
    /// <remarks>
    /// Every answer counts, flagged or not. The delivered truth leaves flagged answers out, so a task answered
    /// mostly by workers who were flagged would look uncertain there — and the audit would then expect those
    /// workers to be flagged, hiding exactly the bias it looks for (honest workers flagged for their address, say).
    /// </remarks>
    /// <param name="answers">The answers.</param>
    public static double[] Disagreement(AnswerSet answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var difficulty = new double[answers.TaskCount];
        var counts = new int[answers.ClassCount];
        var labels = answers.AnswerLabels;
        for (var t = 0; t < difficulty.Length; t++)
        {
            var start = answers.TaskStart(t);
            var n = answers.TaskAnswerCount(t);
            if (n == 0)
            {
                continue;
            }

            Array.Clear(counts);
            var top = 0;
            for (var a = start; a < start + n; a++)
            {
                top = Math.Max(top, ++counts[labels[a]]);
            }

            difficulty[t] = 1 - ((double)top / n);
        }

        return difficulty;
    }
}
