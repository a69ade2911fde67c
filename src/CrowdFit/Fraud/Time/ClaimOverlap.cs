namespace CrowdFit.Fraud.Time;

/// <summary>
/// How much of each claimed interval [started, submitted] the same worker's other claimed intervals also cover:
/// exactly, by one sweep over the worker's interval ends in time order.
/// </summary>
/// <remarks>
/// The sweep keeps the number of open intervals and the running length L(t) of time covered by two or more of
/// them; an interval's covered length is L(its end) − L(its start), since inside it depth two means at least
/// one other claim. Touching intervals (one ends when the next starts) do not overlap. O(k log k) for a worker
/// with k claims.
/// </remarks>
internal static class ClaimOverlap
{
    /// <summary>Per answer, the seconds of its claimed interval covered by the worker's other claims; NaN where the claim is invalid.</summary>
    /// <param name="log">The log.</param>
    /// <param name="valid">Whether each answer has a claim with a positive duration.</param>
    public static double[] Covered(WorkLog log, ReadOnlySpan<bool> valid)
    {
        var answers = log.Answers;
        var started = log.Started;
        var submitted = log.Submitted;
        var covered = new double[answers.Count];
        Array.Fill(covered, double.NaN);
        var events = new Edge[64];
        for (var w = 0; w < answers.WorkerCount; w++)
        {
            var timeline = log.Timeline(w);
            if (events.Length < 2 * timeline.Length)
            {
                events = new Edge[2 * timeline.Length];
            }

            var m = 0;
            foreach (var a in timeline)
            {
                if (valid[a])
                {
                    events[m++] = new Edge(started[a], a, true);
                    events[m++] = new Edge(submitted[a], a, false);
                }
            }

            var span = events.AsSpan(0, m);
            span.Sort();
            var depth = 0;
            double length = 0, previous = double.NaN;
            foreach (var e in span)
            {
                if (depth >= 2)
                {
                    length += e.Time - previous;
                }

                previous = e.Time;
                if (e.IsStart)
                {
                    // The start mark is stored negated until the end completes it.
                    covered[e.Answer] = -length;
                    depth++;
                }
                else
                {
                    covered[e.Answer] += length;
                    depth--;
                }
            }
        }

        return covered;
    }

    /// <summary>One end of a claimed interval; ends sort before starts at the same instant.</summary>
    private readonly record struct Edge(double Time, int Answer, bool IsStart) : IComparable<Edge>
    {
        public int CompareTo(Edge other)
        {
            var c = Time.CompareTo(other.Time);
            if (c == 0)
            {
                c = IsStart.CompareTo(other.IsStart);
            }

            return c != 0 ? c : Answer.CompareTo(other.Answer);
        }
    }
}
