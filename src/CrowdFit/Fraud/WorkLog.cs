using CrowdFit.Answers;
using CrowdFit.Truth;

namespace CrowdFit.Fraud;

/// <summary>
/// Everything the fraud detectors read: the answers, their context, gold, the current truth estimate, and
/// per-answer times and per-worker timelines computed once and shared.
/// </summary>
/// <remarks>
/// Times are seconds since the earliest timestamp of the log (so they fit a <see cref="double"/> exactly to
/// the microsecond), <see cref="double.NaN"/> where missing. A worker's timeline lists that worker's answers
/// in the order they were done: by submit time, then start time, then source row; answers without any
/// timestamp keep source-row order after the timed ones.
/// </remarks>
public sealed partial class WorkLog
{
    private readonly double[] _started;
    private readonly double[] _submitted;
    private readonly int[] _timelineStart;
    private readonly int[] _timeline;
    private readonly int[] _positionInTimeline;

    /// <summary>Builds the shared view of a log.</summary>
    /// <param name="answers">The answers.</param>
    /// <param name="context">Per-answer context indexed by source row; <see langword="null"/> when the log had only the required columns.</param>
    /// <param name="gold">Known labels; <see langword="null"/> when there are none.</param>
    /// <param name="truth">Truth inferred from <paramref name="answers"/> (gold clamped).</param>
    /// <exception cref="ArgumentNullException"><paramref name="answers"/> or <paramref name="truth"/> is null.</exception>
    /// <exception cref="ArgumentException">The truth or the context does not belong to <paramref name="answers"/>.</exception>
    public WorkLog(AnswerSet answers, AnswerContext? context, GoldLabels? gold, TruthResult truth)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(truth);
        if (!ReferenceEquals(truth.Answers, answers))
        {
            throw new ArgumentException("The truth result was inferred from a different answer set.", nameof(truth));
        }

        if (context is not null && context.RowCount < answers.Count)
        {
            throw new ArgumentException($"The context has {context.RowCount} rows; the answers need {answers.Count}.", nameof(context));
        }

        Answers = answers;
        Context = context;
        Gold = gold ?? GoldLabels.Empty(answers.TaskCount);
        Truth = truth;
        (_started, _submitted, Origin) = ReadTimes(answers, context);
        (_timelineStart, _timeline, _positionInTimeline) = BuildTimelines(answers, _started, _submitted);
    }

    /// <summary>The answers.</summary>
    public AnswerSet Answers { get; }

    /// <summary>Per-answer context indexed by source row; <see langword="null"/> when the log had only the required columns.</summary>
    public AnswerContext? Context { get; }

    /// <summary>Known labels (empty when none were given).</summary>
    public GoldLabels Gold { get; }

    /// <summary>The current truth estimate.</summary>
    public TruthResult Truth { get; }

    /// <summary>The instant that time 0 stands for: the earliest timestamp in the log (UTC), or <see cref="DateTimeOffset.MinValue"/> when there is none.</summary>
    public DateTimeOffset Origin { get; }

    /// <summary>Whether start times are known for the log.</summary>
    public bool HasStartTimes => Context?.HasStartedAt == true;

    /// <summary>Whether submit times are known for the log.</summary>
    public bool HasSubmitTimes => Context?.HasSubmittedAt == true;

    /// <summary>Start time of each answer in seconds since <see cref="Origin"/>; NaN where missing.</summary>
    public ReadOnlySpan<double> Started => _started;

    /// <summary>Submit time of each answer in seconds since <see cref="Origin"/>; NaN where missing.</summary>
    public ReadOnlySpan<double> Submitted => _submitted;

    /// <summary>Claimed duration of answer <paramref name="answer"/> in seconds (submit minus start); NaN when either is missing.</summary>
    public double Duration(int answer) => _submitted[answer] - _started[answer];

    /// <summary>The answers of <paramref name="worker"/> in the order they were done.</summary>
    public ReadOnlySpan<int> Timeline(int worker) => _timeline.AsSpan(_timelineStart[worker], _timelineStart[worker + 1] - _timelineStart[worker]);

    /// <summary>Zero-based position of <paramref name="answer"/> in its worker's timeline.</summary>
    public int PositionInTimeline(int answer) => _positionInTimeline[answer];

    /// <summary>Code of a categorical context column for an answer, or <see cref="CategoricalColumn.Missing"/>.</summary>
    /// <param name="column">The column, or <see langword="null"/> when absent.</param>
    /// <param name="answer">Answer index.</param>
    public int Code(CategoricalColumn? column, int answer) => column is null ? CategoricalColumn.Missing : column.Code(Answers.SourceRow(answer));

    /// <summary>Task type code of an answer, or 0 when the log has no task types (all answers then share one type).</summary>
    public int TaskType(int answer) => Context?.TaskType is { } types && types.Code(Answers.SourceRow(answer)) is var code and >= 0 ? code : 0;

    /// <summary>Number of task types (1 when the log has none).</summary>
    public int TaskTypeCount => Context?.TaskType is { } types ? Math.Max(1, types.Values.Count) : 1;
}
