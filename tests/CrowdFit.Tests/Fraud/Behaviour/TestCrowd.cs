using CrowdFit.Answers;
using CrowdFit.Fraud;
using CrowdFit.Truth;

namespace CrowdFit.Tests.Fraud.Behaviour;

/// <summary>The kinds of simulated worker the behaviour tests use.</summary>
internal enum CrowdRole
{
    /// <summary>Right with its own accuracy, otherwise confuses the truth with other classes (its own Dirichlet row).</summary>
    Honest,

    /// <summary>A label drawn uniformly at random.</summary>
    UniformSpammer,

    /// <summary>The same label every time.</summary>
    ConstantSpammer,

    /// <summary>A fixed cycle of two to four labels.</summary>
    PatternSpammer,

    /// <summary>Right on gold, uniformly random elsewhere.</summary>
    GoldCheater,

    /// <summary>Honest until its onset, then uniformly random.</summary>
    Sleeper,
}

/// <summary>What crowd to simulate.</summary>
internal sealed record CrowdSpec
{
    public int Tasks { get; init; } = 1000;

    public int AnswersPerTask { get; init; } = 5;

    public int Classes { get; init; } = 4;

    public double[]? ClassBalance { get; init; }

    public double GoldShare { get; init; } = 0.1;

    public bool Times { get; init; } = true;

    public int Seed { get; init; } = 1;

    /// <summary>Honest accuracy is MinAccuracy + (MaxAccuracy − MinAccuracy) · Beta(4, 2), as in the CrowdFit simulator.</summary>
    public double MinAccuracy { get; init; } = 0.3;

    public double MaxAccuracy { get; init; } = 0.99;

    public IReadOnlyList<(CrowdRole Role, int Count)> Workers { get; init; } = [(CrowdRole.Honest, 100)];

    /// <summary>How many of the first workers, when honest, take <see cref="LessCarefulAccuracy"/> instead of a drawn accuracy.</summary>
    public int LessCareful { get; init; }

    /// <summary>The accuracy of the <see cref="LessCareful"/> workers.</summary>
    public double LessCarefulAccuracy { get; init; } = 0.85;

    /// <summary>Answers a sleeper gives honestly before it turns.</summary>
    public int SleeperOnset { get; init; } = 40;

    /// <summary>Standard deviation of the log of each worker's share of the work.</summary>
    public double ActivitySigma { get; init; } = 0.5;
}

/// <summary>A simulated crowd with known truth: answers, context, gold, inferred truth and the work log.</summary>
internal sealed class TestCrowd
{
    private TestCrowd(AnswerSet answers, AnswerContext? context, GoldLabels gold, CrowdRole[] roles, bool[] bad, int[] onset, double[] accuracy)
    {
        Answers = answers;
        Context = context;
        Gold = gold;
        Roles = roles;
        Bad = bad;
        Onset = onset;
        Accuracy = accuracy;
        Truth = new Ibcc().Infer(answers, gold);
        Log = new WorkLog(answers, context, gold, Truth);
    }

    public AnswerSet Answers { get; }

    public AnswerContext? Context { get; }

    public GoldLabels Gold { get; }

    public TruthResult Truth { get; }

    public WorkLog Log { get; }

    /// <summary>Role per worker index.</summary>
    public CrowdRole[] Roles { get; }

    /// <summary>Whether each answer position is bad (spam, or a cheater's or a turned sleeper's answer).</summary>
    public bool[] Bad { get; }

    /// <summary>Per worker, the timeline position of its first bad answer; -1 for honest workers.</summary>
    public int[] Onset { get; }

    /// <summary>Per worker, the honest accuracy it was given (NaN for spammers).</summary>
    public double[] Accuracy { get; }

    public IEnumerable<int> WorkersOf(CrowdRole role) => Enumerable.Range(0, Roles.Length).Where(w => Roles[w] == role);

    public static TestCrowd Build(CrowdSpec spec)
    {
        var rng = new Random(spec.Seed);
        var k = spec.Classes;
        var roles = spec.Workers.SelectMany(x => Enumerable.Repeat(x.Role, x.Count)).ToArray();
        var w = roles.Length;
        var activity = new double[w];
        var accuracy = new double[w];
        var confusion = new double[w][];
        var constant = new int[w];
        var cycle = new int[w][];
        var speed = new double[w];
        for (var i = 0; i < w; i++)
        {
            activity[i] = Math.Exp(spec.ActivitySigma * Normal(rng));
            accuracy[i] = roles[i] is CrowdRole.Honest or CrowdRole.Sleeper
                ? spec.MinAccuracy + ((spec.MaxAccuracy - spec.MinAccuracy) * Beta42(rng))
                : double.NaN;
            accuracy[i] = roles[i] == CrowdRole.Honest && i < spec.LessCareful ? spec.LessCarefulAccuracy : accuracy[i];
            confusion[i] = HonestConfusion(rng, k, double.IsNaN(accuracy[i]) ? 0.5 : accuracy[i]);
            constant[i] = rng.Next(k);
            var length = 2 + rng.Next(3);
            cycle[i] = [.. Enumerable.Range(0, length).Select(j => (constant[i] + j) % k)];
            var spammer = roles[i] is CrowdRole.UniformSpammer or CrowdRole.ConstantSpammer or CrowdRole.PatternSpammer;
            speed[i] = Math.Log(spammer ? 5 : 30) + (0.4 * Normal(rng));
        }

        var balance = spec.ClassBalance ?? [.. Enumerable.Repeat(1.0 / k, k)];
        var truth = new int[spec.Tasks];
        var gold = new int[spec.Tasks];
        for (var t = 0; t < spec.Tasks; t++)
        {
            truth[t] = Draw(rng, balance);
            gold[t] = rng.NextDouble() < spec.GoldShare ? truth[t] : GoldLabels.None;
        }

        var clock = Enumerable.Range(0, w).Select(_ => rng.NextDouble() * 3600).ToArray();
        var done = new int[w];
        var onset = roles.Select(r => r switch
        {
            CrowdRole.Honest => -1,
            CrowdRole.Sleeper => spec.SleeperOnset,
            _ => 0,
        }).ToArray();
        List<int> taskCol = [], workerCol = [], labelCol = [];
        List<long> started = [], submitted = [];
        List<bool> bad = [];
        var origin = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero).UtcTicks;
        var total = activity.Sum();
        for (var t = 0; t < spec.Tasks; t++)
        {
            var chosen = new HashSet<int>();
            while (chosen.Count < Math.Min(spec.AnswersPerTask, w))
            {
                var u = rng.NextDouble() * total;
                var i = 0;
                while (i < w - 1 && u >= activity[i])
                {
                    u -= activity[i];
                    i++;
                }

                chosen.Add(i);
            }

            foreach (var i in chosen.Order())
            {
                var position = done[i]++;
                var isGold = gold[t] >= 0;
                var spam = roles[i] switch
                {
                    CrowdRole.Honest => false,
                    CrowdRole.GoldCheater => !isGold,
                    CrowdRole.Sleeper => position >= spec.SleeperOnset,
                    _ => true,
                };
                var label = roles[i] switch
                {
                    CrowdRole.ConstantSpammer => constant[i],
                    CrowdRole.PatternSpammer => cycle[i][position % cycle[i].Length],
                    CrowdRole.GoldCheater when isGold => truth[t],
                    _ when spam => rng.Next(k),
                    _ => Draw(rng, confusion[i].AsSpan(truth[t] * k, k)),
                };
                var gap = rng.NextDouble() < 0.02 ? 7200 : -20 * Math.Log(1 - rng.NextDouble());
                var begin = clock[i] + gap;
                var end = begin + Math.Exp(speed[i] + (0.3 * Normal(rng)));
                clock[i] = end;
                taskCol.Add(t);
                workerCol.Add(i);
                labelCol.Add(label);
                started.Add(origin + (long)(begin * TimeSpan.TicksPerSecond));
                submitted.Add(origin + (long)(end * TimeSpan.TicksPerSecond));
                bad.Add(spam);
            }
        }

        var answers = AnswerSet.FromColumns(
            [.. Enumerable.Range(0, spec.Tasks).Select(t => $"t{t:D5}")],
            [.. Enumerable.Range(0, w).Select(i => $"w{i:D4}")],
            [.. Enumerable.Range(0, k).Select(c => $"c{c}")],
            [.. taskCol],
            [.. workerCol],
            [.. labelCol]);
        var context = spec.Times ? new AnswerContext(taskCol.Count, [.. started], [.. submitted]) : null;
        var badByAnswer = new bool[answers.Count];
        for (var a = 0; a < answers.Count; a++)
        {
            badByAnswer[a] = bad[answers.SourceRow(a)];
        }

        return new TestCrowd(answers, context, GoldLabels.FromPerTask(gold, k), roles, badByAnswer, onset, accuracy);
    }

    private static double[] HonestConfusion(Random rng, int k, double accuracy)
    {
        var matrix = new double[k * k];
        for (var t = 0; t < k; t++)
        {
            var others = Enumerable.Range(0, k - 1).Select(_ => -Math.Log(1 - rng.NextDouble())).ToArray();
            var sum = others.Sum();
            for (int j = 0, o = 0; j < k; j++)
            {
                matrix[(t * k) + j] = j == t ? accuracy : (1 - accuracy) * others[o++] / sum;
            }
        }

        return matrix;
    }

    private static int Draw(Random rng, ReadOnlySpan<double> weights)
    {
        var u = rng.NextDouble();
        for (var i = 0; i < weights.Length - 1; i++)
        {
            u -= weights[i];
            if (u < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private static double Normal(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    /// <summary>A Beta(4, 2) draw: the 4th smallest of 5 uniforms.</summary>
    private static double Beta42(Random rng)
    {
        var u = Enumerable.Range(0, 5).Select(_ => rng.NextDouble()).Order().ToArray();
        return u[3];
    }
}
