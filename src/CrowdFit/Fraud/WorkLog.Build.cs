using CrowdFit.Answers;

namespace CrowdFit.Fraud;

public sealed partial class WorkLog
{
    private const double TicksPerSecond = TimeSpan.TicksPerSecond;

    private static (double[] Started, double[] Submitted, DateTimeOffset Origin) ReadTimes(AnswerSet answers, AnswerContext? context)
    {
        var n = answers.Count;
        var started = new double[n];
        var submitted = new double[n];
        var startTicks = context is { HasStartedAt: true } ? context.StartedAtTicks : default;
        var submitTicks = context is { HasSubmittedAt: true } ? context.SubmittedAtTicks : default;
        var origin = long.MaxValue;
        foreach (var t in startTicks)
        {
            if (t != AnswerContext.MissingTicks && t < origin)
            {
                origin = t;
            }
        }

        foreach (var t in submitTicks)
        {
            if (t != AnswerContext.MissingTicks && t < origin)
            {
                origin = t;
            }
        }

        for (var a = 0; a < n; a++)
        {
            var row = answers.SourceRow(a);
            started[a] = Seconds(startTicks, row, origin);
            submitted[a] = Seconds(submitTicks, row, origin);
        }

        var originTime = origin == long.MaxValue ? DateTimeOffset.MinValue : new DateTimeOffset(origin, TimeSpan.Zero);
        return (started, submitted, originTime);
    }

    private static double Seconds(ReadOnlySpan<long> ticks, int row, long origin) =>
        ticks.IsEmpty || ticks[row] == AnswerContext.MissingTicks ? double.NaN : (ticks[row] - origin) / TicksPerSecond;

    private static (int[] Start, int[] Timeline, int[] Position) BuildTimelines(AnswerSet answers, double[] started, double[] submitted)
    {
        var n = answers.Count;
        var workers = answers.Workers;
        var start = new int[answers.WorkerCount + 1];
        foreach (var w in workers)
        {
            start[w + 1]++;
        }

        for (var w = 0; w < answers.WorkerCount; w++)
        {
            start[w + 1] += start[w];
        }

        // Bucket answers by worker in source-row order, the last tie-break of the time order.
        var maxRow = -1;
        for (var a = 0; a < n; a++)
        {
            maxRow = Math.Max(maxRow, answers.SourceRow(a));
        }

        var answerOfRow = new int[maxRow + 1];
        Array.Fill(answerOfRow, -1);
        for (var a = 0; a < n; a++)
        {
            answerOfRow[answers.SourceRow(a)] = a;
        }

        var timeline = new int[n];
        var fill = (int[])start.Clone();
        foreach (var a in answerOfRow)
        {
            if (a >= 0)
            {
                timeline[fill[workers[a]]++] = a;
            }
        }

        var entries = new TimelineEntry[n];
        for (var i = 0; i < n; i++)
        {
            var a = timeline[i];
            var key = double.IsNaN(submitted[a]) ? started[a] : submitted[a];
            entries[i] = new TimelineEntry(
                double.IsNaN(key) ? double.PositiveInfinity : key,
                double.IsNaN(started[a]) ? double.PositiveInfinity : started[a],
                i,
                a);
        }

        for (var w = 0; w < answers.WorkerCount; w++)
        {
            entries.AsSpan(start[w], start[w + 1] - start[w]).Sort();
        }

        var position = new int[n];
        for (var w = 0; w < answers.WorkerCount; w++)
        {
            for (var i = start[w]; i < start[w + 1]; i++)
            {
                timeline[i] = entries[i].Answer;
                position[timeline[i]] = i - start[w];
            }
        }

        return (start, timeline, position);
    }

    /// <summary>An answer's place in time: submit (or start) time, then start time, then source order.</summary>
    private readonly record struct TimelineEntry(double Key, double Started, int SourceOrder, int Answer) : IComparable<TimelineEntry>
    {
        public int CompareTo(TimelineEntry other)
        {
            var c = Key.CompareTo(other.Key);
            if (c == 0)
            {
                c = Started.CompareTo(other.Started);
            }

            return c != 0 ? c : SourceOrder.CompareTo(other.SourceOrder);
        }
    }
}
