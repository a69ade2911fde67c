using System.Globalization;

namespace CrowdFit.Quality;

/// <summary>The per-task decision of SPEC C1 and C3: accept, extend by how many, or review.</summary>
/// <remarks>
/// A task is accepted when the posterior error of its leading label is at most the AQL. A single answer is
/// enough only in 1+0 mode, from a trusted worker; a sampled share of those acceptances is marked for audit.
/// Otherwise the task is extended by the fewest agreeing answers, from a worker of the accuracy expected to
/// answer next, that would bring the error under the limit — the least it can need. When that is more than
/// the answers left in the task's budget, the task goes to review at once rather than spend answers that
/// cannot settle it.
/// </remarks>
public static class AqlRule
{
    /// <summary>Decides on one task.</summary>
    /// <param name="log">The task's log evidence (see <see cref="TaskEvidence"/>).</param>
    /// <param name="answers">Counted answers on the task.</param>
    /// <param name="nextWorker">Log confusion matrix of the worker expected to answer next.</param>
    /// <param name="options">The project's quality settings.</param>
    /// <param name="labels">Label names, for the reasons.</param>
    /// <param name="singleTrust">
    /// For a task with one answer: null when that answer's worker is trusted, else why not. Ignored otherwise.
    /// </param>
    /// <param name="audited">Whether the task falls in the audit sample of single-answer acceptances.</param>
    public static TaskDecision Decide(
        ReadOnlySpan<double> log,
        int answers,
        ReadOnlySpan<double> nextWorker,
        AqlOptions options,
        IReadOnlyList<string> labels,
        string? singleTrust,
        bool audited)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(labels);
        var k = log.Length;
        Span<double> posterior = stackalloc double[k];
        TaskEvidence.Normalize(log, posterior);
        var leader = TaskEvidence.Leader(posterior);
        var confidence = posterior[leader];
        var error = 1 - confidence;
        var left = options.MaxAnswers - answers;
        if (answers == 0)
        {
            var first = Math.Max(1, TaskEvidence.AgreeingNeeded(log, nextWorker, options.Aql, Math.Max(1, left)));
            return new TaskDecision(DecisionKind.Extend, -1, confidence, 0, first, false, ["no counted answer yet"]);
        }

        var name = labels[leader];
        if (error <= options.Aql)
        {
            if (answers > 1)
            {
                return new TaskDecision(DecisionKind.Accept, leader, confidence, answers, 0, false, [Accepted(name, error, options.Aql, answers)]);
            }

            if (options.SingleAnswer && singleTrust is null)
            {
                var reasons = audited
                    ? new[] { Accepted(name, error, options.Aql, 1), "in the audit sample: one more answer checks the single-answer trust" }
                    : [Accepted(name, error, options.Aql, 1)];
                return new TaskDecision(DecisionKind.Accept, leader, confidence, 1, 0, audited, reasons);
            }
        }

        var why = error <= options.Aql
            ? (options.SingleAnswer ? $"a single answer is not enough: {singleTrust}" : "every task needs two answers (1+0 mode is off)")
            : string.Create(CultureInfo.InvariantCulture, $"'{name}' at {Percent(confidence)}: error {Percent(error)} is over the AQL {Percent(options.Aql)}");
        if (left <= 0)
        {
            return new TaskDecision(DecisionKind.Review, leader, confidence, answers, 0, false,
                [why, string.Create(CultureInfo.InvariantCulture, $"the budget of {options.MaxAnswers} answers is spent")]);
        }

        var more = Math.Max(1, TaskEvidence.AgreeingNeeded(log, nextWorker, options.Aql, left));
        if (more > left)
        {
            return new TaskDecision(DecisionKind.Review, leader, confidence, answers, 0, false,
                [why, string.Create(CultureInfo.InvariantCulture, $"even {left} more agreeing answers would not reach the AQL")]);
        }

        return new TaskDecision(DecisionKind.Extend, leader, confidence, answers, more, false, [why]);
    }

    private static string Accepted(string label, double error, double aql, int answers) => string.Create(
        CultureInfo.InvariantCulture, $"'{label}' at {Percent(1 - error)} after {answers} answer{(answers == 1 ? "" : "s")}: error {Percent(error)} within the AQL {Percent(aql)}");

    /// <summary>A probability as a percentage with one decimal (two under 1 %).</summary>
    internal static string Percent(double p) => (p * 100).ToString(p < 0.01 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " %";
}
