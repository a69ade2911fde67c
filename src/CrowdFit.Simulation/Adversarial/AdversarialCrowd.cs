using CrowdFit.Simulation.Sampling;

namespace CrowdFit.Simulation.Adversarial;

/// <summary>
/// A crowd with adversaries and known truth (SPEC H1): every answer with its claimed start and submit time,
/// address, device, login and payment country, task type and reward, and for each account and answer what
/// it really is.
/// </summary>
/// <remarks>
/// <para>
/// Tasks are answered by <see cref="AdversarialCrowdOptions.AnswersPerTask"/> distinct accounts drawn in
/// proportion to their activity (log-normal). Each account works its answers in random task order on a
/// daily schedule: the days it is active, a start hour in its own time zone, one task after another with a
/// log-normal time per task around its task type's median scaled by the account's speed, short pauses and an
/// occasional break. Honest workers have a base accuracy per person, shifted per task type by the type's
/// difficulty and a personal aptitude; a wrong answer is the neighbouring label half the time, any other
/// label otherwise. Addresses are a home /24 whose last octet changes from day to day, except for workers
/// behind one campus address or a commercial VPN (whose login country is the VPN's exit).
/// </para>
/// <para>
/// Adversaries are as <see cref="AdversaryKind"/> describes. An answer is bad when an adversary's attack
/// made it: every answer of spammers, bots, rings, shared accounts and farms; gold-aware cheaters' answers off
/// gold; sleepers' answers from their turn; time thieves' inflated claims (their labels are honest).
/// </para>
/// <para>The same options give the same crowd: one seeded generator, used in a fixed order.</para>
/// </remarks>
public sealed partial class AdversarialCrowd
{
    private const double SecondsPerDay = 86_400;

    private readonly AdversarialCrowdOptions _options;
    private readonly int[] _trueLabel;
    private readonly int[] _taskType;
    private readonly bool[] _gold;
    private readonly Answer[] _answers;
    private readonly Account[] _accounts;

    private AdversarialCrowd(AdversarialCrowdOptions options, int[] trueLabel, int[] taskType, bool[] gold, Answer[] answers, Account[] accounts)
    {
        _options = options;
        _trueLabel = trueLabel;
        _taskType = taskType;
        _gold = gold;
        _answers = answers;
        _accounts = accounts;
    }

    /// <summary>The options the crowd was made from.</summary>
    public AdversarialCrowdOptions Options => _options;

    /// <summary>Number of answers.</summary>
    public int AnswerCount => _answers.Length;

    /// <summary>Number of answers an attack made.</summary>
    public int BadAnswerCount => _answers.Count(a => a.Bad);

    /// <summary>Number of gold tasks.</summary>
    public int GoldCount => _gold.Count(g => g);

    /// <summary>The accounts, by id order.</summary>
    public IReadOnlyList<SimulatedAccount> Accounts => [.. _accounts.Select(a => a.Describe(_options.Labels.Count, Answers(a.Index)))];

    /// <summary>Makes the crowd.</summary>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public static AdversarialCrowd Generate(AdversarialCrowdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Problems() is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        var rng = new Xoshiro256((ulong)options.Seed, 0xAD7E);
        var (trueLabel, taskType, gold) = MakeTasks(options, ref rng);
        var accounts = MakeAccounts(options, ref rng);
        var cafes = PlantCafes(options, accounts);
        var answers = Assign(options, accounts, ref rng);
        var crowd = new AdversarialCrowd(options, trueLabel, taskType, gold, answers, accounts) { _cafes = cafes };
        crowd.Work(ref rng);
        crowd.PlantDrift();
        return crowd;
    }

    private int Answers(int account) => _accounts[account].Timeline.Length;

    private static (int[] TrueLabel, int[] TaskType, bool[] Gold) MakeTasks(AdversarialCrowdOptions options, ref Xoshiro256 rng)
    {
        var k = options.Labels.Count;
        var weights = options.ClassWeights?.ToArray() ?? Enumerable.Repeat(1.0, k).ToArray();
        var total = weights.Sum();
        var trueLabel = new int[options.Tasks];
        var taskType = new int[options.Tasks];
        var gold = new bool[options.Tasks];
        for (var t = 0; t < options.Tasks; t++)
        {
            var u = rng.NextDouble() * total;
            var label = 0;
            while (label < k - 1 && (u -= weights[label]) >= 0)
            {
                label++;
            }

            trueLabel[t] = label;
            taskType[t] = rng.NextInt(options.TaskTypes.Count);
            gold[t] = rng.NextDouble() < options.GoldShare;
        }

        return (trueLabel, taskType, gold);
    }

    /// <summary>Deals each task's slots to accounts; ring leaders bring members along to copy them.</summary>
    private static Answer[] Assign(AdversarialCrowdOptions options, Account[] accounts, ref Xoshiro256 rng)
    {
        var independent = accounts.Where(a => !a.IsFollower).ToArray();
        var sampler = new ActivitySampler([.. independent.Select(a => a.Activity)]);
        var members = accounts.Where(a => a.IsFollower).GroupBy(a => a.Group).ToDictionary(g => g.Key, g => g.ToArray());
        var perTask = options.AnswersPerTask;
        var copiers = Math.Max(1, perTask / 4);
        var answers = new Answer[(long)options.Tasks * perTask > Array.MaxLength ? throw new ArgumentException("Too many answers for one crowd in memory.") : options.Tasks * perTask];
        Span<int> picked = stackalloc int[perTask];
        for (var t = 0; t < options.Tasks; t++)
        {
            sampler.NextDistinct(ref rng, picked);
            for (var s = 0; s < perTask; s++)
            {
                answers[(t * perTask) + s] = new Answer { Task = t, Account = independent[picked[s]].Index };
            }

            var leader = -1;
            for (var s = 0; s < perTask; s++)
            {
                if (accounts[answers[(t * perTask) + s].Account].IsLeader)
                {
                    leader = s;
                }
            }

            if (leader < 0 || perTask < 2)
            {
                continue;
            }

            // Followers take the last slots that are not the leader's, so the task keeps its overlap.
            var ring = members[accounts[answers[(t * perTask) + leader].Account].Group];
            var slot = perTask - 1;
            for (var c = 0; c < copiers && c < ring.Length; c++)
            {
                if (slot == leader)
                {
                    slot--;
                }

                var follower = ring[(c + rng.NextInt(ring.Length)) % ring.Length];
                if (slot < 0 || ContainsAccount(answers.AsSpan(t * perTask, perTask), follower.Index))
                {
                    continue;
                }

                answers[(t * perTask) + slot--].Account = follower.Index;
            }
        }

        return answers;
    }

    private static bool ContainsAccount(ReadOnlySpan<Answer> answers, int account)
    {
        foreach (var a in answers)
        {
            if (a.Account == account)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Orders every account's answers in time, gives them labels and marks the attacks.</summary>
    private void Work(ref Xoshiro256 rng)
    {
        var timelines = new List<int>[_accounts.Length];
        for (var i = 0; i < timelines.Length; i++)
        {
            timelines[i] = [];
        }

        for (var i = 0; i < _answers.Length; i++)
        {
            timelines[_answers[i].Account].Add(i);
        }

        // Leaders before their followers, who copy them; otherwise in id order.
        foreach (var account in _accounts.OrderBy(a => a.IsFollower ? 1 : 0).ThenBy(a => a.Index))
        {
            var timeline = timelines[account.Index].ToArray();
            Shuffle(timeline, ref rng);
            if (account.IsFollower)
            {
                Follow(account, timeline, ref rng);
            }
            else
            {
                Schedule(account, timeline, ref rng);
                Label(account, timeline, ref rng);
            }

            Array.Sort(timeline, (x, y) => _answers[x].Submitted.CompareTo(_answers[y].Submitted));
            account.Timeline = timeline;
            MarkAttacks(account, timeline);
        }
    }

    private static void Shuffle(int[] items, ref Xoshiro256 rng)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = rng.NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>Whether the answer is right for an honest worker of this account on this task.</summary>
    private int HonestLabel(Account account, int task, ref Xoshiro256 rng)
    {
        var truth = _trueLabel[task];
        var k = _options.Labels.Count;
        if (rng.NextDouble() < account.Accuracy[_taskType[task]])
        {
            return truth;
        }

        // Wrong: the neighbouring label half the time, else any other label.
        return rng.NextDouble() < 0.5 ? (truth + 1) % k : (truth + 1 + rng.NextInt(k - 1)) % k;
    }

    private void Label(Account account, int[] timeline, ref Xoshiro256 rng)
    {
        var k = _options.Labels.Count;
        for (var position = 0; position < timeline.Length; position++)
        {
            ref var answer = ref _answers[timeline[position]];
            var task = answer.Task;
            answer.Label = account.Kind switch
            {
                AdversaryKind.UniformSpammer or AdversaryKind.FastBot => rng.NextInt(k),
                AdversaryKind.ConstantSpammer => rng.NextDouble() < 0.95 ? account.ConstantLabel : rng.NextInt(k),
                AdversaryKind.GoldAware => _gold[task] ? _trueLabel[task] : rng.NextInt(k),
                AdversaryKind.Sleeper when position >= account.Onset => rng.NextInt(k),
                _ => HonestLabel(account, task, ref rng),
            };
            answer.Turned = account.Kind == AdversaryKind.Sleeper && position >= account.Onset;
        }
    }

    private void MarkAttacks(Account account, int[] timeline)
    {
        if (account.Kind == AdversaryKind.Sleeper)
        {
            // The onset is the first turned answer in the submit-time order the log will show.
            account.Onset = timeline.Length;
            for (var position = timeline.Length - 1; position >= 0; position--)
            {
                account.Onset = _answers[timeline[position]].Turned ? position : account.Onset;
            }
        }

        for (var position = 0; position < timeline.Length; position++)
        {
            ref var answer = ref _answers[timeline[position]];
            answer.Bad = account.Kind switch
            {
                AdversaryKind.Honest => false,
                AdversaryKind.TimeThief => answer.Inflated,
                AdversaryKind.GoldAware => !_gold[answer.Task],
                AdversaryKind.Sleeper => answer.Turned,
                _ => true,
            };
        }
    }

    /// <summary>A claimed duration, never under one second.</summary>
    private double Duration(Account account, int task, ref Xoshiro256 rng)
    {
        var type = _options.TaskTypes[_taskType[task]];
        return Math.Max(1, type.MedianSeconds * account.Speed * Distributions.LogNormal(ref rng, 0, 0.35));
    }

    /// <summary>One answer's record while the crowd is made.</summary>
    private struct Answer
    {
        public int Task;
        public int Account;
        public int Label;
        public int Person;
        public double Started;
        public double Submitted;
        public int Day;
        public bool Bad;
        public bool Inflated;
        public bool Turned;
    }
}
