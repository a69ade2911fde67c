using CrowdFit.Fraud.Behaviour;

namespace CrowdFit.Fraud.Rings;

public sealed partial class RingDetector
{
    /// <summary>Smallest per-task chance the binomial tests use, so that a model zero cannot make one shared label decisive.</summary>
    private const double MinChance = 1e-9;

    /// <summary>Most rounds of trimming and re-estimating the crowd's scales.</summary>
    private const int MaxCalibrationRounds = 10;

    /// <summary>Fewest kept pairs from which the crowd's spread around the model is estimated.</summary>
    private const int MinSpreadPairs = 20;

    /// <summary>Smallest expected count of a pair whose log ratio informs the spread: below it, counts are too coarse for a log scale.</summary>
    private const double MinSpreadExpected = 10;

    /// <summary>Degrees of freedom of the Student t read for standardised log ratios: heavier tails than the normal.</summary>
    private const double SpreadDegrees = 10;

    /// <summary>The behaviour tests of a pair under the scaled chance model.</summary>
    private static PairTest Test(in PairEvidence pair, in ChanceScale scale)
    {
        var n = pair.Shared;
        var expectedWrong = scale.ExpectedWrong(pair);
        var wrongP = Tails.BinomialUpper(pair.CoWrong, n, Math.Clamp(expectedWrong / n, MinChance, 1));
        if (scale.WrongSpread > 0)
        {
            wrongP = Math.Max(wrongP, Tails.StudentUpper(LogRatioZ(pair.CoWrong, expectedWrong, scale.WrongSpread), SpreadDegrees));
        }

        var expectedDisagree = n - scale.ExpectedAgree(pair);
        var agreeP = Tails.BinomialLower(n - pair.Agree, n, Math.Clamp(expectedDisagree / n, MinChance, 1));
        if (scale.DisagreeSpread > 0)
        {
            agreeP = Math.Max(agreeP, Tails.StudentUpper(-LogRatioZ(n - pair.Agree, expectedDisagree, scale.DisagreeSpread), SpreadDegrees));
        }

        var syncP = scale.Timing && pair.Near > 0
            ? Tails.BinomialUpper(pair.Sync, pair.Near, Math.Clamp(scale.ExpectedSync(pair) / pair.Near, MinChance, 1))
            : 1;
        var nearP = scale.Timing && scale.NearRate > 0 && pair.Near > 0
            ? Tails.BinomialUpper(pair.Near, n, Math.Clamp(scale.NearChance(pair), MinChance, 1))
            : 1;
        var tests = scale.Timing ? 4 : 2;
        var p = Math.Min(1, tests * Math.Min(Math.Min(wrongP, agreeP), Math.Min(syncP, nearP)));
        return new PairTest(wrongP, agreeP, syncP, nearP, p);
    }

    /// <summary>
    /// The standardised log ratio of an observed to an expected count: Poisson noise (variance about
    /// 1 / expected on the log scale) plus the crowd's spread of honest pairs around the model.
    /// </summary>
    private static double LogRatioZ(double observed, double expected, double spread) =>
        Math.Log((observed + 0.5) / (expected + 0.5)) / Math.Sqrt((1 / (expected + 0.5)) + spread);

    /// <summary>
    /// The crowd's scales: first from all co-answering pairs, then repeatedly from the pairs that are not
    /// improbable under the current scales, until the kept pairs stop changing. Starting from all pairs (not
    /// from the plain model) matters: where honest errors are strongly correlated, almost every large pair
    /// is improbable under the plain model, and trimming by it would leave the scales to the smallest pairs.
    /// </summary>
    private ChanceScale Calibrate(PairEvidence[] pairs, in PairTotals totals, bool timing)
    {
        var syncShare = _options.SyncSeconds / _options.NearSeconds;
        var trimmed = new bool[pairs.Length];
        var activity = timing ? Activity(pairs) : ((double[] Near, double[] Shared)?)null;
        var scale = ScaleOf(pairs, trimmed, totals, syncShare, timing) with { Activity = activity };
        for (var round = 0; round < MaxCalibrationRounds; round++)
        {
            var kept = totals;
            var changed = false;
            for (var i = 0; i < pairs.Length; i++)
            {
                var trim = Test(pairs[i], scale).P < _options.TrimLevel;
                changed |= trim != trimmed[i];
                trimmed[i] = trim;
                if (trim)
                {
                    kept = kept.Minus(PairTotals.Of(pairs[i], syncShare));
                }
            }

            if (!changed)
            {
                break;
            }

            scale = ScaleOf(pairs, trimmed, kept, syncShare, timing) with { Activity = activity };
        }

        return scale;
    }

    /// <summary>Per worker, near submissions and shared tasks summed over its tested pairs.</summary>
    private static (double[] Near, double[] Shared) Activity(PairEvidence[] pairs)
    {
        var workers = 0;
        foreach (var pair in pairs)
        {
            workers = Math.Max(workers, pair.Second + 1);
        }

        var near = new double[workers];
        var shared = new double[workers];
        foreach (var pair in pairs)
        {
            near[pair.First] += pair.Near;
            near[pair.Second] += pair.Near;
            shared[pair.First] += pair.Shared;
            shared[pair.Second] += pair.Shared;
        }

        return (near, shared);
    }

    /// <summary>
    /// The scales that make the kept totals' observed counts their expected ones (never less conservative than
    /// the model), and the spread of the kept pairs around them.
    /// </summary>
    private static ChanceScale ScaleOf(PairEvidence[] pairs, bool[] trimmed, in PairTotals kept, double syncShare, bool timing)
    {
        var wrong = kept.ExpectedWrong > 0 ? Math.Max(1, kept.CoWrong / kept.ExpectedWrong) : 1;
        var disagree = kept.ExpectedDisagree > 0 ? Math.Clamp(kept.Disagree / kept.ExpectedDisagree, 0, 1) : 1;

        // One pseudo-event on each side keeps a crowd with almost no close submissions from setting the scale by chance.
        var sync = Math.Max(1, (kept.Sync + 1) / (kept.ExpectedSync + 1));
        var plain = new ChanceScale(wrong, disagree, sync, syncShare, timing);
        var ratios = new List<(double Observed, double Expected)>(pairs.Length);
        var disagreements = new List<(double Observed, double Expected)>(pairs.Length);
        double near = 0, shared = 0;
        for (var i = 0; i < pairs.Length; i++)
        {
            if (!trimmed[i])
            {
                var pair = pairs[i];
                near += pair.Near;
                shared += pair.Shared;
                AddCount(ratios, pair.CoWrong, plain.ExpectedWrong(pair));
                AddCount(disagreements, pair.Shared - pair.Agree, pair.Shared - plain.ExpectedAgree(pair));
            }
        }

        // One pseudo-event keeps a crowd that never submits a shared task close together from a zero rate.
        var nearRate = timing ? (near + 1) / (shared + 1) : 0;
        return plain with { WrongSpread = Spread(ratios), DisagreeSpread = Spread(disagreements), NearRate = nearRate };
    }

    /// <summary>Keeps a count for the spread only where the log ratio's Poisson approximation holds.</summary>
    private static void AddCount(List<(double Observed, double Expected)> counts, double observed, double expected)
    {
        if (expected >= MinSpreadExpected)
        {
            counts.Add((observed, expected));
        }
    }

    /// <summary>
    /// The between-pair variance τ² of log(observed / expected) beyond Poisson noise: the smallest τ² at which the
    /// standardised log ratios have a robust scale (1.4826 · median absolute value) of at most one. Honest pairs
    /// differ from the model in ways no confusion matrix captures (tasks of unequal difficulty, shared
    /// misreadings); this lets the crowd say by how much.
    /// </summary>
    private static double Spread(List<(double Observed, double Expected)> counts)
    {
        if (counts.Count < MinSpreadPairs)
        {
            return 0;
        }

        var z = new double[counts.Count];
        double ScaleAt(double spread)
        {
            for (var i = 0; i < z.Length; i++)
            {
                z[i] = Math.Abs(LogRatioZ(counts[i].Observed, counts[i].Expected, spread));
            }

            return 1.4826 * Robust.Median(z);
        }

        if (ScaleAt(0) <= 1)
        {
            return 0;
        }

        double lo = 0, hi = 4;
        for (var step = 0; step < 40; step++)
        {
            var mid = 0.5 * (lo + hi);
            (lo, hi) = ScaleAt(mid) > 1 ? (mid, hi) : (lo, mid);
        }

        return hi;
    }

    /// <summary>
    /// Every tested tie: each pair with enough shared tasks, and each pair of accounts on a shared device,
    /// with its p-value corrected by Bonferroni over the families of tests.
    /// </summary>
    private List<Link> BuildLinks(WorkLog log, PairEvidence[] pairs, SharedInfrastructure infrastructure, in ChanceScale scale)
    {
        var hasInfrastructure = infrastructure.Kinds.Count > 0;
        var hasDevice = log.Context?.HasDevice == true;
        // The families: all pairs; pairs sharing infrastructure; shared devices; pairs touching a linked worker.
        var families = 2 + (hasInfrastructure ? 1 : 0) + (hasDevice ? 1 : 0);
        var sharing = new bool[pairs.Length];
        var familySize = 0;
        for (var i = 0; i < pairs.Length; i++)
        {
            sharing[i] = hasInfrastructure && infrastructure.Share(pairs[i].First, pairs[i].Second);
            familySize += sharing[i] ? 1 : 0;
        }

        List<Link> links = new(pairs.Length);
        var index = new Dictionary<long, int>(pairs.Length);
        for (var i = 0; i < pairs.Length; i++)
        {
            var pair = pairs[i];
            var behaviour = Test(pair, scale).P;
            var p = behaviour * pairs.Length;
            if (sharing[i])
            {
                p = Math.Min(p, behaviour * familySize);
            }

            p = Math.Min(p, DeviceP(infrastructure, pair.First, pair.Second));
            links.Add(new Link(pair.First, pair.Second, Math.Min(1, families * p), i));
            index.Add(Key(pair.First, pair.Second), i);
        }

        if (hasDevice)
        {
            AddDeviceLinks(log, infrastructure, families, index, links);
        }

        LinkNeighbours(log.Answers.WorkerCount, pairs, scale, families, links);
        return links;
    }

    /// <summary>
    /// The second look: once some workers are linked, the pairs that touch one of them form a family of their
    /// own, far smaller than all pairs, whose behaviour tests are corrected for that family only. Rings are
    /// groups, and a member with little work shows weaker ties than the crowd-wide correction can see; an
    /// honest worker who happens to share tasks with a ring member is still tested at the family's level.
    /// </summary>
    private void LinkNeighbours(int workers, PairEvidence[] pairs, in ChanceScale scale, int families, List<Link> links)
    {
        var linked = new bool[workers];
        foreach (var link in links)
        {
            if (link.P <= _options.LinkLevel)
            {
                linked[link.First] = linked[link.Second] = true;
            }
        }

        var family = 0;
        foreach (var pair in pairs)
        {
            family += linked[pair.First] || linked[pair.Second] ? 1 : 0;
        }

        if (family == 0)
        {
            return;
        }

        for (var i = 0; i < links.Count; i++)
        {
            var link = links[i];
            if (link.Pair >= 0 && link.P > _options.LinkLevel && (linked[link.First] || linked[link.Second]))
            {
                var p = Math.Min(1, families * family * Test(pairs[link.Pair], scale).P);
                links[i] = link with { P = Math.Min(link.P, p) };
            }
        }
    }

    /// <summary>Links the accounts of every shared device that share too few tasks to have been tested.</summary>
    private void AddDeviceLinks(WorkLog log, SharedInfrastructure infrastructure, int families, Dictionary<long, int> index, List<Link> links)
    {
        var members = new Dictionary<int, List<int>>();
        for (var w = 0; w < log.Answers.WorkerCount; w++)
        {
            foreach (var value in infrastructure.Of(w))
            {
                if (value.Kind == InfrastructureKind.Device)
                {
                    if (!members.TryGetValue(value.Code, out var list))
                    {
                        members.Add(value.Code, list = []);
                    }

                    list.Add(w);
                }
            }
        }

        foreach (var code in members.Keys.Order())
        {
            var group = members[code];
            for (var i = 0; i < group.Count; i++)
            {
                for (var j = i + 1; j < group.Count; j++)
                {
                    if (!index.ContainsKey(Key(group[i], group[j])))
                    {
                        index.Add(Key(group[i], group[j]), -1);
                        var p = Math.Min(1, families * DeviceP(infrastructure, group[i], group[j]));
                        links.Add(new Link(group[i], group[j], p, -1));
                    }
                }
            }
        }
    }

    /// <summary>
    /// P-value of the rarest device two workers share, corrected for the number of shared devices: how often
    /// an account's device is shared by as many others, each sharing it with the device share rate.
    /// </summary>
    private double DeviceP(SharedInfrastructure infrastructure, int first, int second)
    {
        var best = 1.0;
        foreach (var a in infrastructure.Of(first))
        {
            if (a.Kind != InfrastructureKind.Device)
            {
                continue;
            }

            foreach (var b in infrastructure.Of(second))
            {
                if (b.Kind == InfrastructureKind.Device && b.Code == a.Code)
                {
                    var p = Tails.BinomialUpper(a.Accounts - 1, Math.Max(1, infrastructure.DeviceUsers - 1), _options.DeviceShareRate);
                    best = Math.Min(best, p * infrastructure.DeviceGroups);
                }
            }
        }

        return Math.Min(1, best);
    }

    private static long Key(int first, int second) => ((long)first << 32) | (uint)second;
}
