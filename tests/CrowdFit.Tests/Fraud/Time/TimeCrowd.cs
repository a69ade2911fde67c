using CrowdFit.Answers;
using CrowdFit.Fraud;
using CrowdFit.Truth;

namespace CrowdFit.Tests.Fraud.Time;

/// <summary>The kinds of simulated worker the time tests use.</summary>
internal enum TimeRole
{
    /// <summary>Log-normal durations around its own speed, Poisson-ish pauses, one task at a time.</summary>
    Honest,

    /// <summary>Honest, but inflates a share of its claims by pulling started_at back over earlier claims.</summary>
    BackdatingThief,

    /// <summary>Honest, but inflates a share of its claims by waiting before it submits (no overlap).</summary>
    DelayingThief,

    /// <summary>Durations of 1–2 s, submissions at a nearly constant period.</summary>
    Bot,
}

/// <summary>Which timestamps the simulated log keeps.</summary>
internal enum TimeColumns
{
    Both,
    SubmittedOnly,
    None,
}

/// <summary>What crowd to simulate.</summary>
internal sealed record TimeCrowdSpec
{
    public int Tasks { get; init; } = 4000;

    public int AnswersPerTask { get; init; } = 5;

    public int Seed { get; init; } = 1;

    public TimeColumns Columns { get; init; } = TimeColumns.Both;

    public bool TaskTypes { get; init; } = true;

    public IReadOnlyList<(TimeRole Role, int Count)> Workers { get; init; } =
        [(TimeRole.Honest, 100), (TimeRole.BackdatingThief, 4), (TimeRole.DelayingThief, 4), (TimeRole.Bot, 6)];

    /// <summary>Standard deviation of ln of an honest worker's personal speed factor.</summary>
    public double SpeedSigma { get; init; } = 0.4;

    /// <summary>Standard deviation of ln of a claim's duration around its worker's and task's typical.</summary>
    public double NoiseSigma { get; init; } = 0.3;

    /// <summary>Standard deviation of ln of a task's own difficulty factor.</summary>
    public double TaskSigma { get; init; } = 0.2;

    /// <summary>Share of a thief's claims that it inflates.</summary>
    public double InflatedShare { get; init; } = 0.3;

    /// <summary>Honest workers whose speed factor is fixed at 0.5 (twice as fast as the median); taken from the first honest workers.</summary>
    public int FastHonest { get; init; }

    /// <summary>When set, the honest workers' speed factors in order (durations are this many times the median worker's), instead of drawn ones.</summary>
    public IReadOnlyList<double>? HonestSpeeds { get; init; }

    /// <summary>Multiplies every task type's typical seconds (short tasks make whole-second timestamps coarse).</summary>
    public double SecondsScale { get; init; } = 1;

    /// <summary>Timestamps are recorded to the whole second, as most platforms log them.</summary>
    public bool WholeSeconds { get; init; }
}

/// <summary>A simulated timed crowd with known roles and known inflated claims.</summary>
internal sealed class TimeCrowd
{
    private static readonly (string Name, double Seconds)[] s_types = [("image", 20), ("text", 45), ("audio", 90)];

    private TimeCrowd(AnswerSet answers, AnswerContext? context, TimeRole[] roles, bool[] inflated, bool[] fastHonest)
    {
        Answers = answers;
        Context = context;
        Roles = roles;
        Inflated = inflated;
        FastHonest = fastHonest;
        Log = new WorkLog(answers, context, null, new MajorityVote().Infer(answers));
    }

    public AnswerSet Answers { get; }

    public AnswerContext? Context { get; }

    public WorkLog Log { get; }

    /// <summary>Role per worker index.</summary>
    public TimeRole[] Roles { get; }

    /// <summary>Whether each answer position is an inflated claim.</summary>
    public bool[] Inflated { get; }

    /// <summary>Whether each worker is an honest worker twice as fast as the median.</summary>
    public bool[] FastHonest { get; }

    public IEnumerable<int> WorkersWhere(Func<TimeRole, bool> predicate) => Enumerable.Range(0, Roles.Length).Where(w => predicate(Roles[w]));

    public static bool IsThief(TimeRole role) => role is TimeRole.BackdatingThief or TimeRole.DelayingThief;

    public static TimeCrowd Build(TimeCrowdSpec spec)
    {
        var rng = new Random(spec.Seed);
        var roles = spec.Workers.SelectMany(x => Enumerable.Repeat(x.Role, x.Count)).ToArray();
        var w = roles.Length;
        var activity = new double[w];
        var speed = new double[w];
        var period = new double[w];
        var fastHonest = new bool[w];
        var fastLeft = spec.FastHonest;
        for (var i = 0; i < w; i++)
        {
            activity[i] = Math.Exp(0.5 * Normal(rng));
            speed[i] = spec.SpeedSigma * Normal(rng);
            if (roles[i] == TimeRole.Honest && fastLeft > 0)
            {
                speed[i] = Math.Log(0.5);
                fastHonest[i] = true;
                fastLeft--;
            }

            period[i] = 3 + (2 * rng.NextDouble());
        }

        var honestIndex = 0;
        for (var i = 0; i < w && spec.HonestSpeeds is { } speeds; i++)
        {
            if (roles[i] == TimeRole.Honest && !fastHonest[i])
            {
                speed[i] = Math.Log(speeds[honestIndex++ % speeds.Count]);
            }
        }

        var taskType = new int[spec.Tasks];
        var difficulty = new double[spec.Tasks];
        for (var t = 0; t < spec.Tasks; t++)
        {
            taskType[t] = rng.Next(s_types.Length);
            difficulty[t] = spec.TaskSigma * Normal(rng);
        }

        var clock = Enumerable.Range(0, w).Select(_ => rng.NextDouble() * 3600).ToArray();
        List<int> taskCol = [], workerCol = [], labelCol = [], typeCol = [];
        List<long> started = [], submitted = [];
        List<bool> inflated = [];
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
                double begin, end;
                var claimBegin = double.NaN;
                var inflate = false;
                if (roles[i] == TimeRole.Bot)
                {
                    end = clock[i] + (period[i] * (1 + (0.01 * Normal(rng))));
                    begin = end - 1 - rng.NextDouble();
                }
                else
                {
                    var pause = rng.NextDouble() < 0.02 ? 7200 : -15 * Math.Log(1 - rng.NextDouble());
                    begin = clock[i] + pause;
                    var seconds = spec.SecondsScale * s_types[taskType[t]].Seconds * Math.Exp(speed[i] + difficulty[t] + (spec.NoiseSigma * Normal(rng)));
                    end = begin + seconds;
                    inflate = IsThief(roles[i]) && rng.NextDouble() < spec.InflatedShare;
                    if (inflate)
                    {
                        var factor = 3 + (7 * rng.NextDouble());
                        if (roles[i] == TimeRole.BackdatingThief)
                        {
                            claimBegin = end - (factor * seconds);
                        }
                        else
                        {
                            end = begin + (factor * seconds);
                        }
                    }
                }

                clock[i] = end;
                taskCol.Add(t);
                workerCol.Add(i);
                labelCol.Add(rng.Next(3));
                typeCol.Add(spec.TaskTypes ? taskType[t] : -1);
                var claimStart = double.IsNaN(claimBegin) ? begin : claimBegin;
                started.Add(origin + (long)((spec.WholeSeconds ? Math.Floor(claimStart) : claimStart) * TimeSpan.TicksPerSecond));
                submitted.Add(origin + (long)((spec.WholeSeconds ? Math.Floor(end) : end) * TimeSpan.TicksPerSecond));
                inflated.Add(inflate);
            }
        }

        var answers = AnswerSet.FromColumns(
            [.. Enumerable.Range(0, spec.Tasks).Select(t => $"t{t:D5}")],
            [.. Enumerable.Range(0, w).Select(i => $"w{i:D4}")],
            ["a", "b", "c"],
            [.. taskCol],
            [.. workerCol],
            [.. labelCol]);
        var types = spec.TaskTypes ? new CategoricalColumn([.. s_types.Select(x => x.Name)], [.. typeCol]) : null;
        var context = spec.Columns switch
        {
            TimeColumns.Both => new AnswerContext(taskCol.Count, [.. started], [.. submitted], taskType: types),
            TimeColumns.SubmittedOnly => new AnswerContext(taskCol.Count, submittedAtTicks: [.. submitted], taskType: types),
            _ => types is null ? null : new AnswerContext(taskCol.Count, taskType: types),
        };
        var inflatedByAnswer = new bool[answers.Count];
        for (var a = 0; a < answers.Count; a++)
        {
            inflatedByAnswer[a] = inflated[answers.SourceRow(a)];
        }

        return new TimeCrowd(answers, context, roles, inflatedByAnswer, fastHonest);
    }

    private static double Normal(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
