namespace CrowdFit.Fraud.Time;

/// <summary>
/// Time theft (SPEC D8): claimed time against what the task type needs, the worker's own pace and the other
/// workers on the same task, and claimed intervals of one worker that overlap.
/// </summary>
/// <remarks>
/// <para>
/// <b>Claims.</b> A claim is an answer's [started, submitted]; its log-duration x = ln max(seconds,
/// <see cref="TimeTheftOptions.MinSeconds"/>). Per task type the norm is the median and 1.4826 · MAD of x,
/// re-estimated without claims more than <see cref="TimeTheftOptions.TrimDistance"/> scales away. A claim's
/// excess over the norm is compared with the same worker's typical excess on that type: the median of its
/// claims that no other claim of its overlaps, re-estimated twice without those far from it. An inflated claim
/// usually reaches over its neighbours, and the rest are trimmed, so a thief's inflated claims do not set the
/// baseline they are judged against, while a slow honest worker, consistently slow, sets its own. The excess is
/// then compared with the other answers of the same task (their median deviation, shrunk towards 0 by the
/// share of its variance that is real task-to-task variation). What is left is standardised per type by its
/// own median and robust scale: z.
/// </para>
/// <para>
/// <b>Overlap.</b> Honest people do one task at a time, so where two claims of one worker overlap, at least one
/// claims time that was not worked. The overlap is blamed on the claim with the larger z, and also on the other
/// when its z is at least <see cref="TimeTheftOptions.BlameDistance"/> (a thief's inflated claims often reach
/// over one another). A claim is overlapping when the seconds blamed on it, after a tolerance of
/// <see cref="TimeTheftOptions.OverlapToleranceSeconds"/>, exceed <see cref="TimeTheftOptions.OverlapShare"/> of
/// it and its z is at least 0. The honest rate q of such claims is estimated from the workers whose overlap
/// counts do not stand out, so on a platform where honest workers open several tasks at once, overlaps weigh
/// little.
/// </para>
/// <para>
/// <b>Answer p-value.</b> With S = z + w · [overlapping] (w = <see cref="TimeTheftOptions.OverlapWeight"/>),
/// p = P(T ≥ S) + q · P(T ≥ S − w) for T Student's t with <see cref="TimeTheftOptions.TailDegrees"/> degrees
/// of freedom: an upper bound on the chance that an honest claim scores at least S when honest residuals are
/// no heavier-tailed than that t. Answers are meant to be read at <see cref="TimeTheftOptions.AnswerLevel"/>
/// (default 0.01). Claims without both timestamps or with a non-positive duration get 1.
/// </para>
/// <para>
/// <b>Worker p-value.</b> The smaller, times 2 (Bonferroni), of (a) the upper tail of the worker's count of
/// answers at or below <see cref="TimeTheftOptions.AnswerLevel"/> under a beta-binomial fitted on the workers
/// that do not stand out, with a rate of at least that level; and (b) the worker's typical excess in type
/// scales (the mean of the middle half of its claims, which unlike the median does not tie between workers
/// when times are logged to the second) against the spread of all workers' (<see cref="TimeTheftOptions.MinWorkerClaims"/>
/// claims at least), see <see cref="LevelFit"/>: a worker who inflates every claim looks consistent with
/// itself but not with the crowd. People differ in speed (log-normally), so this test reads the spread from
/// the faster half of the crowd, where neither thieves nor slow honest workers are, and in a t whose degrees
/// of freedom fall with few workers, whose spread is uncertain: only a worker far beyond the honest range of
/// paces is flagged by its level alone.
/// </para>
/// </remarks>
public sealed partial class TimeTheft : IFraudDetector
{
    private readonly TimeTheftOptions _options;

    /// <summary>Creates the detector.</summary>
    /// <param name="options">Settings; <see cref="TimeTheftOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public TimeTheft(TimeTheftOptions? options = null)
    {
        options ??= TimeTheftOptions.Default;
        options.Validate();
        _options = options;
    }

    /// <inheritdoc />
    public string Name => "time-theft";

    /// <inheritdoc />
    public bool ReadsTruth => false;

    /// <summary>The settings.</summary>
    public TimeTheftOptions Options => _options;

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="log"/> is null.</exception>
    public DetectorReport Run(WorkLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var answers = log.Answers;
        if (!log.HasStartTimes || !log.HasSubmitTimes)
        {
            return DetectorReport.Skipped(Name, answers.WorkerCount, answers.Count, "needs started_at and submitted_at");
        }

        if (Measure(log) is not { } claims)
        {
            return DetectorReport.Skipped(Name, answers.WorkerCount, answers.Count, "needs started_at and submitted_at: no answer has both with submitted_at after started_at");
        }

        var (workerP, workerReason) = Workers(log, claims);
        return new DetectorReport(Name, workerP, workerReason, claims.AnswerP, a => AnswerReason(log, claims, a));
    }
}
