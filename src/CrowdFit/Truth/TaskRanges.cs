using CrowdFit.Answers;

namespace CrowdFit.Truth;

/// <summary>
/// Splits the tasks into contiguous ranges with about equal numbers of answers, so that a pass over the
/// tasks can run one range per thread, each summing into its own buffers.
/// </summary>
/// <remarks>
/// The number of ranges depends on the size of the answer set only, never on the machine: sums merged in
/// range order are then the same on any machine, in any thread schedule.
/// </remarks>
internal static class TaskRanges
{
    /// <summary>Most ranges; enough to keep a few cores busy when ranges take unequal time.</summary>
    public const int MaxCount = 8;

    /// <summary>Fewest answers worth a range of their own (smaller logs run as one range, on one thread).</summary>
    public const int MinAnswers = 1 << 15;

    /// <summary>
    /// The number of ranges for a pass whose per-range buffer holds <paramref name="bufferLength"/> values:
    /// at most <see cref="MaxCount"/>, at least <see cref="MinAnswers"/> answers each, and few enough that
    /// merging the buffers takes no more than one addition per answer.
    /// </summary>
    public static int Count(AnswerSet answers, int bufferLength)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var byAnswers = answers.Count / MinAnswers;
        var byMerge = answers.Count / Math.Max(1, bufferLength);
        return Math.Clamp(Math.Min(byAnswers, byMerge), 1, MaxCount);
    }

    /// <summary>
    /// Boundaries of <paramref name="count"/> ranges: range <c>r</c> holds tasks <c>bounds[r]..bounds[r + 1] − 1</c>.
    /// </summary>
    public static int[] Split(AnswerSet answers, int count)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var starts = answers.TaskStarts;
        var bounds = new int[count + 1];
        var task = 0;
        for (var r = 1; r < count; r++)
        {
            var firstAnswer = (int)((long)answers.Count * r / count);
            while (task < answers.TaskCount && starts[task] < firstAnswer)
            {
                task++;
            }

            bounds[r] = task;
        }

        bounds[count] = answers.TaskCount;
        return bounds;
    }
}
