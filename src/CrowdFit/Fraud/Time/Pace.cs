using CrowdFit.Fraud.Behaviour;

namespace CrowdFit.Fraud.Time;

/// <summary>
/// Inhuman pace: answers far faster than the task type needs, submissions at machine-regular intervals, and
/// bursts of many answers a minute (fast bots).
/// </summary>
/// <remarks>
/// <para>
/// <b>Speed.</b> Per answer, its ln-duration (started_at to submitted_at) or, when the log has no start times,
/// its ln-gap since the worker's previous submission in the same session (a pause longer than
/// <see cref="PaceOptions.SessionBreakSeconds"/> starts a new one), against its task type's norm: the median
/// and 1.4826 · MAD, re-estimated without values more than <see cref="PaceOptions.TrimDistance"/> scales away.
/// f = (median − value) / scale is positive for fast answers.
/// </para>
/// <para>
/// <b>Worker tests</b>, each needing <see cref="PaceOptions.MinWorkerAnswers"/> values and each read against a
/// robust random-effects fit of all such workers (<see cref="RandomEffects"/>) in Student's t with
/// <see cref="PaceOptions.TailDegrees"/> degrees of freedom, so honest differences between people (a worker
/// twice as fast as the median) stay unremarkable: (a) speed, the median f (high is suspicious); (b)
/// regularity, ln of the robust spread (1.4826 · MAD) of the worker's ln-gaps inside sessions, about the
/// coefficient of variation of its gaps (low is suspicious: people vary, scripts do not); (c) bursts, ln of
/// the most submissions in any window of <see cref="PaceOptions.BurstWindowSeconds"/> (high is suspicious).
/// The worker's p-value is the smallest times the number of tests it had (Bonferroni).
/// </para>
/// <para>
/// <b>Answer p-value:</b> 2 · min(P(T ≥ f), the worker's p-value), at most 1: an answer is suspicious when it
/// is itself far too fast or comes from a worker whose pace is not human.
/// </para>
/// </remarks>
public sealed partial class Pace : IFraudDetector
{
    private readonly PaceOptions _options;

    /// <summary>Creates the detector.</summary>
    /// <param name="options">Settings; <see cref="PaceOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public Pace(PaceOptions? options = null)
    {
        options ??= PaceOptions.Default;
        options.Validate();
        _options = options;
    }

    /// <inheritdoc />
    public string Name => "pace";

    /// <inheritdoc />
    public bool ReadsTruth => false;

    /// <summary>The settings.</summary>
    public PaceOptions Options => _options;

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="log"/> is null.</exception>
    public DetectorReport Run(WorkLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var answers = log.Answers;
        if (!log.HasSubmitTimes)
        {
            return DetectorReport.Skipped(Name, answers.WorkerCount, answers.Count, "needs submitted_at");
        }

        var speeds = Measure(log);
        var (workerP, reason) = Workers(log, speeds);
        var answerP = new float[answers.Count];
        var workers = answers.Workers;
        var tail = StudentTail.For(_options.TailDegrees);
        for (var a = 0; a < answerP.Length; a++)
        {
            var own = tail.Upper(speeds.Fast[a]);
            answerP[a] = (float)Math.Min(1, 2 * Math.Min(own, workerP[workers[a]]));
        }

        return new DetectorReport(Name, workerP, reason, answerP, a => AnswerReason(log, speeds, a));
    }

    /// <summary>Per answer: the in-session gap before it, the log-time the speed test uses and its standardised speed.</summary>
    private Speeds Measure(WorkLog log)
    {
        var answers = log.Answers;
        var n = answers.Count;
        var started = log.Started;
        var submitted = log.Submitted;
        var gap = new double[n];
        Array.Fill(gap, double.NaN);
        for (var w = 0; w < answers.WorkerCount; w++)
        {
            var timeline = log.Timeline(w);
            for (var i = 1; i < timeline.Length; i++)
            {
                var g = submitted[timeline[i]] - submitted[timeline[i - 1]];
                if (g >= 0 && g <= _options.SessionBreakSeconds)
                {
                    gap[timeline[i]] = g;
                }
            }
        }

        var usesDurations = false;
        if (log.HasStartTimes)
        {
            for (var a = 0; a < n && !usesDurations; a++)
            {
                usesDurations = submitted[a] - started[a] > 0;
            }
        }

        var value = new double[n];
        for (var a = 0; a < n; a++)
        {
            var seconds = usesDurations ? submitted[a] - started[a] : gap[a];
            value[a] = seconds >= 0 ? Math.Log(Math.Max(seconds, _options.MinSeconds)) : double.NaN;
        }

        var types = TaskTypes.Of(log);
        var norm = DurationNorm.Fit(value, types, log.TaskTypeCount, _options.TrimDistance, _options.MinScale, _options.MinTypeAnswers);
        var fast = new double[n];
        for (var a = 0; a < n; a++)
        {
            fast[a] = (norm.Center(types[a]) - value[a]) / norm.Scale(types[a]);
        }

        return new Speeds(usesDurations, types, norm, value, fast, gap);
    }

    /// <summary>What the speed measurement found, per answer (NaN where unknown).</summary>
    private sealed record Speeds(bool UsesDurations, int[] Types, DurationNorm Norm, double[] Value, double[] Fast, double[] Gap);
}
