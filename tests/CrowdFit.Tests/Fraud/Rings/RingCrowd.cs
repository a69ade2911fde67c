using CrowdFit.Answers;
using CrowdFit.Fraud;
using CrowdFit.Truth;

namespace CrowdFit.Tests.Fraud.Rings;

/// <summary>What crowd to simulate for the ring tests.</summary>
internal sealed record RingCrowdSpec
{
    public int Tasks { get; init; } = 2000;

    public int Classes { get; init; } = 4;

    public int HonestWorkers { get; init; } = 100;

    public int AnswersPerTask { get; init; } = 5;

    public double MinAccuracy { get; init; } = 0.5;

    public double MaxAccuracy { get; init; } = 0.95;

    /// <summary>Share of tasks on which every honest worker is half as accurate: errors correlated through the task.</summary>
    public double HardShare { get; init; } = 0.1;

    /// <summary>Accounts in the ring, the leader included; 0 for none.</summary>
    public int RingSize { get; init; } = 5;

    /// <summary>Chance that a copier joins each task of the leader.</summary>
    public double CopyJoin { get; init; } = 0.5;

    /// <summary>Chance that a copier answers at random instead of copying.</summary>
    public double CopyNoise { get; init; } = 0.1;

    /// <summary>Seconds after the leader's submission at which a copier's begins (plus up to 3.5 s of jitter).</summary>
    public double CopierLag { get; init; } = 0.5;

    /// <summary>Honest workers who all work behind one large NAT address.</summary>
    public int BigNat { get; init; }

    /// <summary>Honest workers who all work behind one office address.</summary>
    public int Office { get; init; }

    /// <summary>Extra accounts, each answering like an honest worker, all on one device.</summary>
    public int DeviceFarm { get; init; }

    public bool Context { get; init; } = true;

    public int Seed { get; init; } = 1;
}

/// <summary>A simulated crowd with a known ring: answers, context, inferred truth and the work log.</summary>
internal sealed class RingCrowd
{
    private RingCrowd(AnswerSet answers, AnswerContext? context, int[] ring, int[] farm, int honest)
    {
        Answers = answers;
        Ring = ring;
        Farm = farm;
        HonestCount = honest;
        Truth = new Ibcc().Infer(answers);
        Log = new WorkLog(answers, context, null, Truth);
    }

    public AnswerSet Answers { get; }

    public TruthResult Truth { get; }

    public WorkLog Log { get; }

    /// <summary>Worker indices of the ring, leader first.</summary>
    public int[] Ring { get; }

    /// <summary>Worker indices of the accounts on one device.</summary>
    public int[] Farm { get; }

    /// <summary>Honest workers are indices 0 .. HonestCount − 1.</summary>
    public int HonestCount { get; }

    public static RingCrowd Build(RingCrowdSpec spec)
    {
        var rng = new Random(spec.Seed);
        var k = spec.Classes;
        var honest = spec.HonestWorkers;
        var leader = spec.RingSize > 0 ? honest : -1;
        var ring = Enumerable.Range(honest, spec.RingSize).ToArray();
        var farm = Enumerable.Range(honest + spec.RingSize, spec.DeviceFarm).ToArray();
        var workers = honest + spec.RingSize + spec.DeviceFarm;

        // Honest answerers: the honest workers, the leader and the farm accounts, drawn by activity.
        var answerers = Enumerable.Range(0, honest).Concat(leader >= 0 ? [leader] : []).Concat(farm).ToArray();
        var activity = answerers.Select(_ => Math.Exp(0.5 * Normal(rng))).ToArray();
        var confusion = new double[workers][];
        for (var w = 0; w < workers; w++)
        {
            var accuracy = spec.MinAccuracy + ((spec.MaxAccuracy - spec.MinAccuracy) * rng.NextDouble());
            confusion[w] = Confusion(rng, k, accuracy);
        }

        var ips = Enumerable.Range(0, workers).Select(_ => $"{rng.Next(1, 224)}.{rng.Next(256)}.{rng.Next(256)}.{rng.Next(1, 255)}").ToArray();
        for (var i = 0; i < spec.BigNat; i++)
        {
            ips[i] = "203.0.113.7";
        }

        for (var i = spec.BigNat; i < spec.BigNat + spec.Office; i++)
        {
            ips[i] = "198.51.100.20";
        }

        for (var m = 0; m < ring.Length; m++)
        {
            ips[ring[m]] = $"45.12.7.{10 + m}";
        }

        var devices = Enumerable.Range(0, workers).Select(w => farm.Contains(w) ? "d-farm" : $"dev-{w}").ToArray();
        var origin = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero).UtcTicks;
        List<int> taskCol = [], workerCol = [], labelCol = [];
        List<long> submittedCol = [];
        var total = activity.Sum();
        for (var t = 0; t < spec.Tasks; t++)
        {
            var truth = rng.Next(k);
            var hard = rng.NextDouble() < spec.HardShare;
            var release = t * 30.0;
            var chosen = new SortedSet<int>();
            while (chosen.Count < Math.Min(spec.AnswersPerTask, answerers.Length))
            {
                var u = rng.NextDouble() * total;
                var i = 0;
                while (i < answerers.Length - 1 && u >= activity[i])
                {
                    u -= activity[i];
                    i++;
                }

                chosen.Add(answerers[i]);
            }

            var leaderLabel = -1;
            var leaderTime = 0.0;
            foreach (var w in chosen)
            {
                var label = Answer(rng, confusion[w], truth, k, hard);
                var time = release + (-1800 * Math.Log(1 - rng.NextDouble()));
                Add(t, w, label, time);
                if (w == leader)
                {
                    (leaderLabel, leaderTime) = (label, time);
                }
            }

            if (leaderLabel < 0)
            {
                continue;
            }

            foreach (var copier in ring.Skip(1))
            {
                if (rng.NextDouble() < spec.CopyJoin)
                {
                    var label = rng.NextDouble() < spec.CopyNoise ? rng.Next(k) : leaderLabel;
                    Add(t, copier, label, leaderTime + spec.CopierLag + (3.5 * rng.NextDouble()));
                }
            }
        }

        var answers = AnswerSet.FromColumns(
            [.. Enumerable.Range(0, spec.Tasks).Select(t => $"t{t:D5}")],
            [.. Enumerable.Range(0, workers).Select(w => $"w{w:D4}")],
            [.. Enumerable.Range(0, k).Select(c => $"c{c}")],
            [.. taskCol],
            [.. workerCol],
            [.. labelCol]);
        AnswerContext? context = null;
        if (spec.Context)
        {
            var rows = taskCol.Count;
            var submitted = submittedCol.ToArray();
            var started = submitted.Select(s => s - (30 * TimeSpan.TicksPerSecond)).ToArray();
            context = new AnswerContext(
                rows,
                started,
                submitted,
                ip: Column(ips, workerCol),
                device: Column(devices, workerCol));
        }

        return new RingCrowd(answers, context, ring, farm, honest);

        void Add(int task, int worker, int label, double seconds)
        {
            taskCol.Add(task);
            workerCol.Add(worker);
            labelCol.Add(label);
            submittedCol.Add(origin + (long)(seconds * TimeSpan.TicksPerSecond));
        }
    }

    /// <summary>A per-row column holding each answer's worker's value.</summary>
    private static CategoricalColumn Column(string[] perWorker, List<int> workerOfRow)
    {
        var values = perWorker.Distinct().ToArray();
        var code = values.Select((v, i) => (v, i)).ToDictionary(x => x.v, x => x.i);
        return new CategoricalColumn(values, [.. workerOfRow.Select(w => code[perWorker[w]])]);
    }

    /// <summary>A confusion matrix with the given accuracy, whose errors partly favour the next class, as honest crowds' do.</summary>
    private static double[] Confusion(Random rng, int k, double accuracy)
    {
        var matrix = new double[k * k];
        for (var t = 0; t < k; t++)
        {
            var weights = new double[k];
            for (var l = 0; l < k; l++)
            {
                weights[l] = l == t ? 0 : (l == (t + 1) % k ? 2 : 0) + 0.5 - Math.Log(1 - rng.NextDouble());
            }

            var sum = weights.Sum();
            for (var l = 0; l < k; l++)
            {
                matrix[(t * k) + l] = l == t ? accuracy : (1 - accuracy) * weights[l] / sum;
            }
        }

        return matrix;
    }

    private static int Answer(Random rng, double[] confusion, int truth, int k, bool hard)
    {
        var row = confusion.AsSpan(truth * k, k);
        var accuracy = hard ? row[truth] / 2 : row[truth];
        if (rng.NextDouble() < accuracy)
        {
            return truth;
        }

        // A wrong answer, with the row's error weights.
        var u = rng.NextDouble() * (1 - row[truth]);
        for (var l = 0; l < k; l++)
        {
            if (l == truth)
            {
                continue;
            }

            u -= row[l];
            if (u < 0)
            {
                return l;
            }
        }

        return (truth + 1) % k;
    }

    private static double Normal(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
