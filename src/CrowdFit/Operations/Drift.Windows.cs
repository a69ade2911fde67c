using System.Globalization;
using CrowdFit.Agreement;
using CrowdFit.Answers;

namespace CrowdFit.Operations;

public static partial class Drift
{
    /// <summary>Groups the sorted times into windows of whole slots holding at least <paramref name="minAnswers"/> answers each.</summary>
    private static List<WindowCut> Cut(long[] ticks, long slotTicks, int minAnswers)
    {
        var origin = ticks[0] - (ticks[0] % slotTicks);
        List<WindowCut> cuts = [];
        var from = 0;
        var firstSlot = 0L;
        for (var i = 1; i <= ticks.Length; i++)
        {
            var lastSlot = (ticks[i - 1] - origin) / slotTicks;
            var slot = i < ticks.Length ? (ticks[i] - origin) / slotTicks : -1;
            if (slot == lastSlot || i - from < minAnswers)
            {
                continue;
            }

            cuts.Add(new WindowCut(from, i, origin + (firstSlot * slotTicks), origin + ((lastSlot + 1) * slotTicks)));
            from = i;
            firstSlot = slot;
        }

        if (from < ticks.Length)
        {
            // Too few answers after the last full window: they join it rather than form a window too small to test.
            var end = origin + ((((ticks[^1] - origin) / slotTicks) + 1) * slotTicks);
            if (cuts.Count == 0)
            {
                cuts.Add(new WindowCut(0, ticks.Length, origin, end));
            }
            else
            {
                cuts[^1] = cuts[^1] with { To = ticks.Length, EndTicks = end };
            }
        }

        return cuts;
    }

    /// <summary>Measures every window and writes each timed answer's window index into <paramref name="windowOf"/>.</summary>
    private static DriftWindow[] Measure(AnswerSet answers, int[] truthLabel, int[] order, List<WindowCut> cuts, long slotTicks, int[] windowOf)
    {
        var tasks = answers.Tasks;
        var labels = answers.AnswerLabels;
        var include = new bool[answers.Count];
        var windows = new DriftWindow[cuts.Count];
        for (var w = 0; w < cuts.Count; w++)
        {
            var cut = cuts[w];
            var counts = new int[answers.ClassCount];
            var agree = 0;
            for (var i = cut.From; i < cut.To; i++)
            {
                var a = order[i];
                counts[labels[a]]++;
                agree += labels[a] == truthLabel[tasks[a]] ? 1 : 0;
                include[a] = true;
                windowOf[a] = w;
            }

            var alpha = KrippendorffAlpha.Nominal(answers, include).Alpha;
            for (var i = cut.From; i < cut.To; i++)
            {
                include[order[i]] = false;
            }

            var n = cut.To - cut.From;
            windows[w] = new DriftWindow(
                Name(cut, slotTicks),
                new DateTimeOffset(cut.StartTicks, TimeSpan.Zero),
                new DateTimeOffset(Math.Min(cut.EndTicks, DateTimeOffset.MaxValue.UtcTicks), TimeSpan.Zero),
                n,
                counts,
                agree,
                alpha,
                double.NaN,
                double.NaN);
        }

        return windows;
    }

    /// <summary>The window for people: whole days as inclusive dates, shorter slots as start and exclusive end.</summary>
    private static string Name(WindowCut cut, long slotTicks)
    {
        var start = new DateTime(cut.StartTicks, DateTimeKind.Utc);
        if (slotTicks % TimeSpan.TicksPerDay == 0)
        {
            var lastDay = new DateTime(cut.EndTicks - TimeSpan.TicksPerDay, DateTimeKind.Utc);
            return lastDay == start
                ? start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : string.Create(CultureInfo.InvariantCulture, $"{start:yyyy-MM-dd} to {lastDay:yyyy-MM-dd}");
        }

        var format = slotTicks % TimeSpan.TicksPerMinute == 0 ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd HH:mm:ss";
        var end = new DateTime(Math.Min(cut.EndTicks, DateTime.MaxValue.Ticks), DateTimeKind.Utc);
        return string.Create(CultureInfo.InvariantCulture, $"{start.ToString(format, CultureInfo.InvariantCulture)} to {end.ToString(format, CultureInfo.InvariantCulture)}");
    }

    /// <summary>One window as a range of the time-sorted answers and the whole slots it spans.</summary>
    /// <param name="From">First position in the time order, included.</param>
    /// <param name="To">Last position in the time order, excluded.</param>
    /// <param name="StartTicks">Start of the first slot.</param>
    /// <param name="EndTicks">End of the last slot; may pass the calendar's end, which only names clamp.</param>
    private readonly record struct WindowCut(int From, int To, long StartTicks, long EndTicks);
}
