using CrowdFit.Answers;

namespace CrowdFit.Workforce;

/// <summary>
/// Effective hourly pay per worker and task type against a floor (SPEC G1): what each worker earned per hour
/// of work, which task types pay under the floor, and for how many of their hours.
/// </summary>
/// <remarks>
/// <para>
/// Hours come from the claimed intervals [started, submitted] of each worker. A worker's intervals are sorted
/// by start and merged where they overlap or where the gap between them is at most
/// <see cref="PayOptions.MaxGapSeconds"/>, so that claims open at the same time (several tabs, or a claim
/// padded back over earlier ones) are counted once, and the short unlogged time between tasks counts as work.
/// Each merged stretch's time is shared among its answers in proportion to their claimed durations; the hours
/// of a worker's task types therefore add up to the worker's hours, and no claim gets more time than it
/// claimed unless its stretch holds counted gaps. Padding a claim by submitting late, without overlap, cannot be told
/// from slow work here; the time theft detector looks for that.
/// </para>
/// <para>
/// Answers without both timestamps, or whose submit is not after their start, are paid work of unknown
/// time: they are counted and their rewards summed, but they stay out of the rates (an estimate of their time
/// would have to come from the other answers and would hide the gap in the log). Answers with a known time but
/// a missing reward hold their place in the merge, and their share of the time stays out of the rates too.
/// </para>
/// <para>
/// Merging overlapping claims before dividing pay by time follows Hara et al., "A Data-Driven Analysis of
/// Workers' Earnings on Amazon Mechanical Turk", CHI 2018, which also counts the time between tasks.
/// </para>
/// <para>The cost is O(n log n) in the answers, from sorting each worker's claims and each type's rates.</para>
/// </remarks>
public static partial class EffectivePay
{
    /// <summary>The name of the task type of answers the log gives no type (or of all answers, when it has no type column).</summary>
    public const string NoTypeName = "(no type)";

    /// <summary>Measures every worker's effective hourly pay in a log.</summary>
    /// <param name="answers">The answers.</param>
    /// <param name="context">Their context; needs start and submit timestamps and rewards, and uses task types when present.</param>
    /// <param name="options">Settings; <see cref="PayOptions.Default"/> when null.</param>
    /// <returns>
    /// The report; when the context has no timestamps or no rewards (or none of their values is usable), a
    /// report with <see cref="PayReport.SkippedBecause"/> set and no rows.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="answers"/> or <paramref name="context"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid, or an answer's source row is not in the context.</exception>
    public static PayReport Analyze(AnswerSet answers, AnswerContext context, PayOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(context);
        options ??= PayOptions.Default;
        if (options.Problems() is { Count: > 0 } problems)
        {
            throw new ArgumentException($"Invalid {nameof(PayOptions)}: {string.Join(" ", problems)}", nameof(options));
        }

        if (MissingColumns(context) is { } missing)
        {
            return Skipped(options, answers.Count, missing);
        }

        var claims = Claims.Read(answers, context);
        if (claims.Timed == 0)
        {
            return Skipped(options, answers.Count, "no answer has both timestamps with the submit after the start, so no hour of work is known");
        }

        if (claims.Rewarded == 0)
        {
            return Skipped(options, answers.Count, "no answer has a reward, so no pay is known");
        }

        var gapTicks = (long)Math.Min(options.MaxGapSeconds * TimeSpan.TicksPerSecond, long.MaxValue / 4.0);
        var (order, workerStart) = answers.ByWorker();
        var hours = AttributeHours(answers.WorkerCount, order, workerStart, claims, gapTicks);
        return Report(answers, order, workerStart, claims, hours, options);
    }

    private static string? MissingColumns(AnswerContext context) => (context.HasStartedAt && context.HasSubmittedAt, context.HasReward) switch
    {
        (false, false) => "the log has neither start and submit timestamps nor rewards, so neither hours nor pay can be measured",
        (false, true) => "the log lacks start or submit timestamps, so hours of work cannot be measured",
        (true, false) => "the log has no reward column, so pay cannot be measured",
        _ => null,
    };

    private static PayReport Skipped(PayOptions options, int answers, string because) => new()
    {
        SkippedBecause = because,
        Floor = options.Floor,
        Currency = options.Currency,
        Answers = answers,
    };

    /// <summary>Hours attributed to each answer position (0 for an answer of unknown time).</summary>
    private static double[] AttributeHours(int workerCount, int[] order, int[] workerStart, Claims claims, long gapTicks)
    {
        var n = order.Length;
        var hours = new double[n];
        var starts = new long[n];
        var items = new int[n];
        for (var w = 0; w < workerCount; w++)
        {
            var k = 0;
            for (var i = workerStart[w]; i < workerStart[w + 1]; i++)
            {
                var a = order[i];
                if (claims.Start[a] != AnswerContext.MissingTicks)
                {
                    starts[k] = claims.Start[a];
                    items[k++] = a;
                }
            }

            if (k > 0)
            {
                starts.AsSpan(0, k).Sort(items.AsSpan(0, k));
                Merge(items.AsSpan(0, k), claims, gapTicks, hours);
            }
        }

        return hours;
    }

    /// <summary>Merges one worker's claims, sorted by start, into stretches and shares each stretch among its claims.</summary>
    private static void Merge(ReadOnlySpan<int> sorted, Claims claims, long gapTicks, Span<double> hours)
    {
        var first = 0;
        var stretchStart = claims.Start[sorted[0]];
        var stretchEnd = claims.End[sorted[0]];
        for (var i = 1; i < sorted.Length; i++)
        {
            var a = sorted[i];
            if (claims.Start[a] - stretchEnd > gapTicks)
            {
                Share(sorted[first..i], claims, stretchEnd - stretchStart, hours);
                first = i;
                stretchStart = claims.Start[a];
            }

            stretchEnd = Math.Max(stretchEnd, claims.End[a]);
        }

        Share(sorted[first..], claims, stretchEnd - stretchStart, hours);
    }

    private static void Share(ReadOnlySpan<int> stretch, Claims claims, long stretchTicks, Span<double> hours)
    {
        var claimed = 0.0;
        foreach (var a in stretch)
        {
            claimed += claims.End[a] - claims.Start[a];
        }

        var hoursPerClaimedTick = stretchTicks / claimed / TimeSpan.TicksPerHour;
        foreach (var a in stretch)
        {
            hours[a] = (claims.End[a] - claims.Start[a]) * hoursPerClaimedTick;
        }
    }
}
