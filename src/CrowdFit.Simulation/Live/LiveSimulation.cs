using System.Diagnostics;
using CrowdFit.Simulation.Adversarial;

namespace CrowdFit.Simulation.Live;

/// <summary>
/// A closed loop between a policy and a simulated crowd (SPEC H3): work is offered round by round to the
/// workers online, the policy decides who answers and when a task is settled, and the run reports labels
/// per task, delivered accuracy, cost and answers spent on adversaries.
/// </summary>
/// <remarks>
/// <para>
/// In each round every account is online with its own chance (its activity times
/// <see cref="LiveSimulationOptions.Presence"/>). The project asks for about
/// <see cref="LiveSimulationOptions.DemandShare"/> of them: open tasks are served first come, first served,
/// and new tasks are opened while the answers wanted stay under that. For each answer a task wants the policy
/// picks one online worker who has not worked this round and has not answered the task; the worker takes
/// the offer with their own likelihood, and with <see cref="LiveSimulationOptions.ControlShare"/> chance
/// answers a control task first. The run ends when every task is settled; a task no online worker can take
/// for many rounds is delivered as it stands.
/// </para>
/// <para>Every policy meets the same crowd (<see cref="LiveCrowd"/>): the comparison is paired.</para>
/// </remarks>
public static class LiveSimulation
{
    private const int MaxIdleRounds = 200;

    /// <summary>Runs one policy.</summary>
    /// <param name="options">The crowd, the policy and the loop's settings.</param>
    /// <param name="progress">Receives a line now and then on long runs; may be null.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static LiveSimulationResult Run(LiveSimulationOptions options, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Problems() is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        var clock = Stopwatch.StartNew();
        var population = CrowdPopulation.Draw(options.Crowd);
        var crowd = new LiveCrowd(population, options);
        var classes = population.Options.Labels.Count;
        var tasks = population.TrueLabel.Count;
        var policy = options.Policy;
        PolicyRun run = policy.Kind switch
        {
            LivePolicy.Family.FixedOverlap => new FixedOverlapRun(policy.Overlap, tasks, classes),
            LivePolicy.Family.DynamicOverlap => new DynamicOverlapRun(policy.Threshold, policy.Overlap, options.MaxAnswers, tasks, crowd.Accounts, classes),
            _ => new AqlRun(policy, options, population),
        };

        var loop = new Loop(options, population, crowd, run);
        loop.Work(progress);
        foreach (var task in run.Final())
        {
            loop.Reopen(task, 1);
        }

        loop.Work(progress);
        return loop.Result(policy.Name, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The loop's state.</summary>
    private sealed class Loop
    {
        private readonly LiveSimulationOptions _options;
        private readonly CrowdPopulation _population;
        private readonly LiveCrowd _crowd;
        private readonly PolicyRun _run;
        private readonly int[] _need;
        private readonly bool[] _review;
        private readonly HashSet<long> _answered = [];
        private readonly List<int> _open = [];
        private readonly int[] _gold;
        private readonly Queue<int> _queue = new();
        private long _labels;
        private long _control;
        private long _adversary;
        private int _round;

        public Loop(LiveSimulationOptions options, CrowdPopulation population, LiveCrowd crowd, PolicyRun run)
        {
            _options = options;
            _population = population;
            _crowd = crowd;
            _run = run;
            var tasks = population.TrueLabel.Count;
            _need = new int[tasks];
            _review = new bool[tasks];
            _gold = [.. Enumerable.Range(0, tasks).Where(t => population.Gold[t])];
            for (var t = 0; t < tasks; t++)
            {
                if (!population.Gold[t])
                {
                    _queue.Enqueue(t);
                }
            }
        }

        public void Reopen(int task, int need)
        {
            if (_need[task] == 0 && need > 0 && !_open.Contains(task))
            {
                _open.Add(task);
            }

            _need[task] = Math.Max(_need[task], need);
            _review[task] = false;
        }

        public void Work(IProgress<string>? progress)
        {
            var idle = 0;
            var candidates = new List<int>();
            var online = new List<int>();
            var used = new bool[_crowd.Accounts];
            while ((_queue.Count > 0 || _open.Count > 0) && idle < MaxIdleRounds)
            {
                _round++;
                online.Clear();
                for (var a = 0; a < _crowd.Accounts; a++)
                {
                    used[a] = false;
                    if (_crowd.Online(_round, a) && _run.Eligible(a))
                    {
                        online.Add(a);
                    }
                }

                // Serve in a fixed random order, so no account is first by its number.
                online.Sort((x, y) => _crowd.Draw(0x5E7, _round, x).CompareTo(_crowd.Draw(0x5E7, _round, y)));
                var demand = Math.Max(1, (int)Math.Round(_options.DemandShare * online.Count));
                var wanted = 0;
                foreach (var t in _open)
                {
                    wanted += _need[t];
                }

                while (wanted < demand && _queue.Count > 0)
                {
                    var t = _queue.Dequeue();
                    _need[t] = _run.FirstNeed;
                    _open.Add(t);
                    wanted += _need[t];
                }

                var answers = 0;
                if (_run.PlanRound(Slots(), Candidates(online)) is { } plan)
                {
                    foreach (var (task, account) in plan)
                    {
                        answers += Serve(task, account, used) ? 1 : 0;
                    }
                }
                else
                {
                    answers += ServeEach(online, used, candidates);
                }

                foreach (var (task, need) in _run.Changes())
                {
                    if (need > 0)
                    {
                        Reopen(task, need);
                    }
                    else
                    {
                        _need[task] = 0;
                    }
                }

                _open.RemoveAll(t => _need[t] == 0);
                idle = answers == 0 ? idle + 1 : 0;
                if (_round % 2000 == 0)
                {
                    progress?.Report($"{_options.Policy.Name}: round {_round:N0}, {_labels:N0} labels, {_queue.Count:N0} tasks waiting, {_open.Count:N0} open");
                }
            }

            _open.Clear();
        }

        /// <summary>Each open task in turn picks among the workers still free, as many times as it wants answers this round.</summary>
        private int ServeEach(List<int> online, bool[] used, List<int> candidates)
        {
            var answers = 0;
            for (var i = 0; i < _open.Count; i++)
            {
                // A task gets this round the answers it wanted when the round began; an extension waits for the next.
                var task = _open[i];
                var slots = _need[task];
                var tries = 0;
                while (slots > 0 && _need[task] > 0 && tries++ < 3 * _options.MaxAnswers)
                {
                    candidates.Clear();
                    foreach (var a in online)
                    {
                        if (!used[a] && !_answered.Contains(Key(task, a)))
                        {
                            candidates.Add(a);
                        }
                    }

                    if (candidates.Count == 0)
                    {
                        break;
                    }

                    var account = _run.Pick(task, candidates, _crowd.Draw(0xD4A, _round, task));
                    if (account < 0)
                    {
                        break;
                    }

                    if (Serve(task, account, used))
                    {
                        answers++;
                        slots--;
                    }
                }
            }

            return answers;
        }

        /// <summary>Offers the task to the account; returns whether it was answered.</summary>
        private bool Serve(int task, int account, bool[] used)
        {
            used[account] = true;
            var taken = _crowd.Takes(task, account);
            _run.Offered(account, taken);
            if (!taken)
            {
                return false;
            }

            if (_gold.Length > 0 && _crowd.Draw(0xC0, _round, account) < _options.ControlShare)
            {
                Control(account);
            }

            var label = _crowd.Answer(task, account);
            _answered.Add(Key(task, account));
            _labels++;
            _adversary += _population.Accounts[account].Adversarial ? 1 : 0;
            (_need[task], _review[task]) = _run.Answered(task, account, label);
            return true;
        }

        /// <summary>This round's answer slots: each open task once per answer it wants.</summary>
        private List<int> Slots()
        {
            var slots = new List<int>();
            foreach (var t in _open)
            {
                for (var s = 0; s < _need[t]; s++)
                {
                    slots.Add(t);
                }
            }

            return slots;
        }

        private static List<int> Candidates(List<int> online) => online;

        public LiveSimulationResult Result(string policy, double seconds)
        {
            var tasks = 0;
            var correct = 0;
            var reviewed = 0;
            for (var t = 0; t < _need.Length; t++)
            {
                if (_population.Gold[t])
                {
                    continue;
                }

                tasks++;
                correct += _run.Delivered(t) == _population.TrueLabel[t] ? 1 : 0;
                reviewed += _review[t] ? 1 : 0;
            }

            return new LiveSimulationResult(policy, tasks, _labels, _control, correct, reviewed, _adversary, _run.ExpectedError, _round, seconds, _run.DecisionMicroseconds);
        }

        private void Control(int account)
        {
            for (var attempt = 0; attempt < 5; attempt++)
            {
                var task = _gold[(int)(_crowd.Draw(0xC1 + (ulong)attempt, _round, account) * _gold.Length)];
                if (_answered.Add(Key(task, account)))
                {
                    var label = _crowd.Answer(task, account);
                    _control++;
                    _adversary += _population.Accounts[account].Adversarial ? 1 : 0;
                    _run.Control(task, account, label, _population.TrueLabel[task]);
                    return;
                }
            }
        }

        private static long Key(int task, int account) => ((long)task << 32) | (uint)account;
    }
}
