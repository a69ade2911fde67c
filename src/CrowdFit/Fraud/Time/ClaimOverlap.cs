namespace CrowdFit.Fraud.Time;

/// <summary>
/// The overlapping pairs among one worker's claimed intervals [started, submitted], and per claim the seconds
/// its partners cover, found by one walk over each worker's timeline (its claims in submit order).
/// </summary>
/// <remarks>
/// In submit order, claim j before claim i overlaps i exactly when it is submitted after i starts; the overlap
/// is then submitted(j) − max(started(i), started(j)). Walking back from i stops at the first earlier claim
/// submitted at or before i starts (all before it are too), or after <see cref="MaxPartners"/> claims, which
/// bounds the cost of a claim stretched over a whole day's work: O(k + overlapping pairs) for a worker with k
/// claims. Touching intervals (one ends when the next starts) do not overlap. A claim's covered seconds are
/// the sum over its partners, at most its own duration (the exact covered length unless three or more claims
/// overlap at once).
/// </remarks>
internal sealed class ClaimOverlap
{
    /// <summary>Most earlier claims a claim is compared with.</summary>
    public const int MaxPartners = 256;

    private int[] _first = new int[64];
    private int[] _second = new int[64];
    private double[] _length = new double[64];

    private ClaimOverlap(double[] covered) => Covered = covered;

    /// <summary>Per answer, the seconds of its claimed interval covered by the worker's other claims; NaN where the claim is invalid.</summary>
    public double[] Covered { get; }

    /// <summary>Number of overlapping pairs.</summary>
    public int Count { get; private set; }

    /// <summary>The earlier-submitted answer of pair <paramref name="i"/>.</summary>
    public int First(int i) => _first[i];

    /// <summary>The later-submitted answer of pair <paramref name="i"/>.</summary>
    public int Second(int i) => _second[i];

    /// <summary>Seconds the two claims of pair <paramref name="i"/> share.</summary>
    public double Length(int i) => _length[i];

    /// <summary>Finds the overlapping pairs of every worker.</summary>
    /// <param name="log">The log.</param>
    /// <param name="valid">Whether each answer has a claim with a positive duration.</param>
    public static ClaimOverlap Find(WorkLog log, ReadOnlySpan<bool> valid)
    {
        var answers = log.Answers;
        var started = log.Started;
        var submitted = log.Submitted;
        var covered = new double[answers.Count];
        var result = new ClaimOverlap(covered);
        var claims = new int[64];
        for (var w = 0; w < answers.WorkerCount; w++)
        {
            var timeline = log.Timeline(w);
            if (claims.Length < timeline.Length)
            {
                claims = new int[timeline.Length];
            }

            var m = 0;
            foreach (var a in timeline)
            {
                if (!valid[a])
                {
                    covered[a] = double.NaN;
                    continue;
                }

                var start = started[a];
                for (var k = m - 1; k >= 0 && k >= m - MaxPartners; k--)
                {
                    var j = claims[k];
                    if (submitted[j] <= start)
                    {
                        break;
                    }

                    var length = submitted[j] - Math.Max(start, started[j]);
                    if (length > 0)
                    {
                        result.Add(j, a, length);
                        covered[a] += length;
                        covered[j] += length;
                    }
                }

                claims[m++] = a;
            }
        }

        for (var a = 0; a < covered.Length; a++)
        {
            covered[a] = Math.Min(covered[a], submitted[a] - started[a]);
        }

        return result;
    }

    private void Add(int first, int second, double length)
    {
        if (Count == _first.Length)
        {
            Array.Resize(ref _first, 2 * Count);
            Array.Resize(ref _second, 2 * Count);
            Array.Resize(ref _length, 2 * Count);
        }

        _first[Count] = first;
        _second[Count] = second;
        _length[Count++] = length;
    }
}
