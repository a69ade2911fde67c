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

        // Fill in source-row order so the final stable sort falls back to it.
        var bySource = new int[n];
        for (var a = 0; a < n; a++)
        {
            bySource[a] = a;
        }

        Array.Sort(bySource, (x, y) => answers.SourceRow(x).CompareTo(answers.SourceRow(y)));
        var timeline = new int[n];
        var fill = (int[])start.Clone();
        foreach (var a in bySource)
        {
            timeline[fill[workers[a]]++] = a;
        }

        var keys = new double[n];
        var secondary = new double[n];
        for (var a = 0; a < n; a++)
        {
            var key = double.IsNaN(submitted[a]) ? started[a] : submitted[a];
            keys[a] = double.IsNaN(key) ? double.PositiveInfinity : key;
            secondary[a] = double.IsNaN(started[a]) ? double.PositiveInfinity : started[a];
        }

        var order = new int[n];
        for (var w = 0; w < answers.WorkerCount; w++)
        {
            var span = timeline.AsSpan(start[w], start[w + 1] - start[w]);
            for (var i = 0; i < span.Length; i++)
            {
                order[start[w] + i] = i;
            }

            var rank = order.AsSpan(start[w], span.Length);
            var local = span.ToArray();
            var idx = rank.ToArray();
            Array.Sort(idx, (i, j) =>
            {
                var c = keys[local[i]].CompareTo(keys[local[j]]);
                if (c == 0)
                {
                    c = secondary[local[i]].CompareTo(secondary[local[j]]);
                }

                return c != 0 ? c : i.CompareTo(j);
            });
            for (var i = 0; i < idx.Length; i++)
            {
                span[i] = local[idx[i]];
            }
        }

        var position = new int[n];
        for (var w = 0; w < answers.WorkerCount; w++)
        {
            for (var i = start[w]; i < start[w + 1]; i++)
            {
                position[timeline[i]] = i - start[w];
            }
        }

        return (start, timeline, position);
    }
}
