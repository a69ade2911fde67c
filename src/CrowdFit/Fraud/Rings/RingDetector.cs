namespace CrowdFit.Fraud.Rings;

/// <summary>
/// Rings (SPEC D9): groups of accounts working together, found from evidence between pairs of workers —
/// copied answers, synchronized submissions and shared devices or addresses — each with a chance model so
/// that honest pairs are not linked.
/// </summary>
/// <remarks>
/// <para>
/// <b>Copying.</b> For every pair with at least <see cref="RingDetectorOptions.MinSharedTasks"/> shared tasks,
/// two one-sided tests on those tasks: shared <em>wrong</em> labels (the same label where the task's posterior
/// without the pair's own votes favours another class) and overall agreement, each against what two
/// independent workers with their estimated confusion matrices would show (see <see cref="PairCounter"/>).
/// The per-task chances differ, so the count is a Poisson-binomial; the binomial with the same mean bounds
/// its tails from outside (Hoeffding 1956), so the exact binomial tail is a conservative p-value.
/// </para>
/// <para>
/// <b>Synchronized timing</b> (with submit times). Among shared tasks both submitted within
/// <see cref="RingDetectorOptions.NearSeconds"/> of each other, an uncoordinated pair lands within
/// <see cref="RingDetectorOptions.SyncSeconds"/> about SyncSeconds / NearSeconds of the time, whatever their
/// schedules; a binomial upper tail tests the pair's count. <b>Lockstep</b>: how many shared tasks the pair
/// submits within NearSeconds of each other at all, against the larger of the crowd's rate and the two
/// workers' own rates with everyone else (so two busy workers of the same shift are judged by their own
/// habits); an account that follows another's submissions by a steady lag does so on nearly every shared task.
/// </para>
/// <para>
/// <b>Calibration on the crowd.</b> Honest errors are correlated (hard tasks, shared misreadings) and
/// submissions bunch when tasks are released, more than the model says. The expected shared wrong answers and
/// synchronized submissions are scaled up, and expected disagreements scaled down, by the crowd's own ratio of
/// observed to expected over all co-answering pairs, leaving out pairs already improbable before scaling; the
/// scales never make a test less conservative than the model.
/// </para>
/// <para>
/// <b>Shared infrastructure</b> (with ip or device columns). A device id, IP address or IPv4 /24 range that
/// carries a fair share of the work of between two and <see cref="RingDetectorOptions.MaxInfrastructureGroup"/>
/// accounts is rare enough to matter; values shared more widely (NATs, VPN exits) are ignored. A shared IP or
/// range never links accounts alone: pairs sharing one form a small family of their own whose behaviour tests
/// are corrected for that family only, so accounts behind one address that also behave alike stand out. A
/// device shared by c accounts links them on its own: with each of the other N − 1 device users sharing a
/// given account's device with probability <see cref="RingDetectorOptions.DeviceShareRate"/>, the p-value is
/// P(Binomial(N − 1, rate) ≥ c − 1), corrected for the number of shared devices.
/// </para>
/// <para>
/// <b>Links and rings.</b> A pair's behaviour p-value is the smallest of its tests times their number; the
/// link p-value is Bonferroni over the families (all tested pairs, pairs sharing infrastructure, shared
/// devices), each corrected for its size. Links at most <see cref="RingDetectorOptions.LinkLevel"/> join
/// workers; connected components of two or more are the rings. A worker's p-value is its smallest link
/// p-value, already corrected for the number of pairs tested, so it is conservative for honest workers. An
/// answer gets its worker's link p-value where it takes part in the evidence (it agrees with, or is submitted
/// within seconds of, a linked partner's answer to the same task; every answer of an account linked by a
/// shared device), else 1.
/// </para>
/// <para>
/// Finding pairs costs one visit per pair of answers on a task, with a dense per-worker accumulator and no
/// hashing, in parallel over workers; with tasks of 3–10 answers that is linear in the answers.
/// </para>
/// </remarks>
public sealed partial class RingDetector : IFraudDetector
{
    private readonly RingDetectorOptions _options;

    /// <summary>Creates the detector.</summary>
    /// <param name="options">Settings; <see cref="RingDetectorOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public RingDetector(RingDetectorOptions? options = null)
    {
        _options = options ?? RingDetectorOptions.Default;
        _options.Validate();
    }

    /// <inheritdoc />
    public string Name => "rings";

    /// <summary>The settings.</summary>
    public RingDetectorOptions Options => _options;

    /// <inheritdoc />
    public DetectorReport Run(WorkLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var answers = log.Answers;
        if (answers.ClassCount < 2 || answers.WorkerCount < 2)
        {
            return DetectorReport.Skipped(Name, answers.WorkerCount, answers.Count, "needs at least two workers and two labels");
        }

        var confusion = Confusions(log);
        var infrastructure = SharedInfrastructure.Find(log, _options);
        var (pairs, totals) = CollectPairs(log, confusion);
        var scale = Calibrate(pairs, totals, log.HasSubmitTimes);
        var links = BuildLinks(log, pairs, infrastructure, scale);
        return Report(log, pairs, links, infrastructure, scale);
    }

    /// <summary>Every worker's confusion matrix, worker-major W × K × K; from its accuracy alone where the truth method gives none.</summary>
    private static double[] Confusions(WorkLog log)
    {
        var k = log.Answers.ClassCount;
        var workers = log.Truth.Workers;
        var flat = new double[workers.Count * k * k];
        for (var w = 0; w < workers.Count; w++)
        {
            var target = flat.AsSpan(w * k * k, k * k);
            var own = workers[w].Confusion.Span;
            if (own.Length == k * k)
            {
                own.CopyTo(target);
                continue;
            }

            var accuracy = double.IsFinite(workers[w].Accuracy) ? workers[w].Accuracy : 1.0 / k;
            for (var c = 0; c < k; c++)
            {
                for (var l = 0; l < k; l++)
                {
                    target[(c * k) + l] = c == l ? accuracy : (1 - accuracy) / (k - 1);
                }
            }
        }

        return flat;
    }

    /// <summary>All pairs with enough shared tasks, ascending by (first, second), and the totals over every co-answering pair.</summary>
    private (PairEvidence[] Pairs, PairTotals Totals) CollectPairs(WorkLog log, double[] confusion)
    {
        var answers = log.Answers;
        var workers = answers.WorkerCount;

        // A fixed number of chunks keeps the output and its floating-point sums the same on any machine.
        var chunks = Math.Min(workers, 64);
        var voteLogs = new VoteLogs(log, confusion, _options.ConfusionFloor);
        var found = new List<PairEvidence>[chunks];
        var totals = new PairTotals[chunks];
        Parallel.For(
            0,
            chunks,
            () => new PairCounter(workers, answers.ClassCount, _options),
            (chunk, _, counter) =>
            {
                var list = new List<PairEvidence>();
                var sum = default(PairTotals);
                var from = (int)((long)workers * chunk / chunks);
                var to = (int)((long)workers * (chunk + 1) / chunks);
                for (var w = from; w < to; w++)
                {
                    sum = sum.Plus(counter.Count(log, confusion, voteLogs, w, _options.MinSharedTasks, list));
                }

                found[chunk] = list;
                totals[chunk] = sum;
                return counter;
            },
            _ => { });

        var all = default(PairTotals);
        var count = 0;
        for (var c = 0; c < chunks; c++)
        {
            all = all.Plus(totals[c]);
            count += found[c].Count;
        }

        var pairs = new PairEvidence[count];
        var at = 0;
        foreach (var list in found)
        {
            list.CopyTo(pairs, at);
            at += list.Count;
        }

        return (pairs, all);
    }
}
