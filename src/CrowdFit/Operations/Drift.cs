using CrowdFit.Answers;
using CrowdFit.Truth;

namespace CrowdFit.Operations;

/// <summary>
/// Drift (SPEC G3): agreement and label distribution by time window, with an alert for every window that moved
/// away from the windows before it.
/// </summary>
/// <remarks>
/// <para>
/// Answers are placed by submit time in windows of <see cref="DriftOptions.Window"/>, aligned on multiples of the
/// window length from 0001-01-01 UTC. A window with fewer than <see cref="DriftOptions.MinAnswers"/> answers is
/// merged forward with the windows after it until the merged window holds enough; answers left over at the end
/// join the last full window (or form the only window when the whole log is smaller). Empty windows vanish. Answers
/// without a submit time are counted in <see cref="DriftReport.UntimedAnswers"/> and left out.
/// </para>
/// <para>
/// Per window the report gives the label counts, the agreement (share of answers equal to the inferred label of
/// their task, <see cref="TruthResult.Label"/>) and Krippendorff's nominal alpha over the window's answers. Every
/// window after the first is tested against the pooled windows before it, its baseline: the label distribution by
/// Pearson's chi-square test of homogeneity on the 2 × k table of the two rows' label counts (labels absent from
/// both left out, k − 1 degrees of freedom), and the agreement by the pooled two-proportion z test, two-sided.
/// A task's answers share its true label, so they are not independent: the chi-square statistic is divided by, and
/// the z test's variance multiplied by, a design effect estimated from the spread of the per-task counts within
/// each window (<see cref="DriftReport.LabelDesignEffect"/>, <see cref="DriftReport.AgreementDesignEffect"/>;
/// Rao and Scott 1981). Each p-value is multiplied by the number of windows tested (Bonferroni), and a window whose corrected p-value
/// is at most <see cref="DriftOptions.Alpha"/> raises an alert. A label alert names the label with the largest
/// Pearson residual in the window's row, the label that moved most against what the baseline predicts.
/// </para>
/// <para>
/// The truth is inferred from the whole log, so a window's agreement measures it against labels partly decided by
/// the other windows; a shift that lasts long enough to move the truth itself shows less in agreement than in the
/// label distribution. Answers of one worker are correlated too, which the design effect does not measure; the
/// default <see cref="DriftOptions.Alpha"/> is small partly for this reason.
/// </para>
/// <para>The cost is O(n log n) for sorting by time plus O(n) per window for the alpha.</para>
/// </remarks>
public static partial class Drift
{
    /// <summary>Cuts a log into time windows, measures each and flags those that drifted.</summary>
    /// <param name="answers">The answers.</param>
    /// <param name="context">Their context; needs submit times.</param>
    /// <param name="truth">Truth inferred from <paramref name="answers"/> (the same tasks and labels).</param>
    /// <param name="options">Settings; <see cref="DriftOptions.Default"/> when null.</param>
    /// <returns>
    /// The report; when the context has no submit times, or no answer has one, a report with
    /// <see cref="DriftReport.SkippedBecause"/> set and no windows.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="answers"/>, <paramref name="context"/> or <paramref name="truth"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The options are invalid, the truth is of another shape than the answers, or an answer's source row is not in
    /// the context.
    /// </exception>
    public static DriftReport Analyze(AnswerSet answers, AnswerContext context, TruthResult truth, DriftOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(truth);
        options ??= DriftOptions.Default;
        if (options.Problems() is { Count: > 0 } problems)
        {
            throw new ArgumentException($"Invalid {nameof(DriftOptions)}: {string.Join(" ", problems)}", nameof(options));
        }

        if (truth.Answers.TaskCount != answers.TaskCount || truth.Answers.ClassCount != answers.ClassCount)
        {
            throw new ArgumentException(
                $"The truth covers {truth.Answers.TaskCount} tasks and {truth.Answers.ClassCount} labels; the answers have {answers.TaskCount} and {answers.ClassCount}.",
                nameof(truth));
        }

        if (!context.HasSubmittedAt)
        {
            return Skipped(answers, answers.Count, "the log has no submit times");
        }

        var (ticks, order) = ByTime(answers, context);
        if (ticks.Length == 0)
        {
            return Skipped(answers, answers.Count, "no answer has a submit time");
        }

        var cuts = Cut(ticks, options.Window.Ticks, options.MinAnswers);
        var truthLabel = new int[answers.TaskCount];
        for (var t = 0; t < truthLabel.Length; t++)
        {
            truthLabel[t] = truth.Label(t);
        }

        var windowOf = new int[answers.Count];
        windowOf.AsSpan().Fill(-1);
        var windows = Measure(answers, truthLabel, order, cuts, options.Window.Ticks, windowOf);
        var (labelEffect, agreementEffect) = DesignEffects(answers, truthLabel, windowOf, windows);
        return new DriftReport
        {
            Labels = answers.Labels,
            Alerts = Alerts(answers, windows, options.Alpha, labelEffect, agreementEffect),
            Windows = windows,
            LabelDesignEffect = labelEffect,
            AgreementDesignEffect = agreementEffect,
            WindowsTested = windows.Length - 1,
            Answers = answers.Count,
            UntimedAnswers = answers.Count - ticks.Length,
        };
    }

    private static DriftReport Skipped(AnswerSet answers, int untimed, string reason) => new()
    {
        SkippedBecause = reason,
        Labels = answers.Labels,
        Answers = answers.Count,
        UntimedAnswers = untimed,
    };

    /// <summary>The submit ticks of the timed answers in ascending order, with the answer index of each.</summary>
    private static (long[] Ticks, int[] Order) ByTime(AnswerSet answers, AnswerContext context)
    {
        var submitted = context.SubmittedAtTicks;
        var max = DateTimeOffset.MaxValue.UtcTicks;
        var timed = 0;
        for (var a = 0; a < answers.Count; a++)
        {
            var row = answers.SourceRow(a);
            if ((uint)row >= (uint)submitted.Length)
            {
                throw new ArgumentException($"Answer {a} has source row {row}; the context has {submitted.Length} rows.", nameof(context));
            }

            // Ticks outside the calendar cannot be placed in a window, whatever the source meant by them.
            var t = submitted[row];
            timed += t >= 0 && t <= max ? 1 : 0;
        }

        var ticks = new long[timed];
        var order = new int[timed];
        var next = 0;
        for (var a = 0; a < answers.Count; a++)
        {
            var t = submitted[answers.SourceRow(a)];
            if (t >= 0 && t <= max)
            {
                ticks[next] = t;
                order[next++] = a;
            }
        }

        Array.Sort(ticks, order);
        return (ticks, order);
    }
}
