using CrowdFit.Simulation.Adversarial;
using CrowdFit.Simulation.Sampling;

namespace CrowdFit.Simulation.Live;

/// <summary>
/// How the accounts of a <see cref="CrowdPopulation"/> behave when work is offered live: who is online in a
/// round, who takes an offer, and what label they give.
/// </summary>
/// <remarks>
/// Every draw is a hash of the seed and what it is about (round and account, task and account), not a
/// stream, so every policy meets the same crowd: the same worker is online in the same round and gives the
/// same label to the same task, whichever policy asked. Honest workers answer right with their accuracy on
/// the task's type, else the neighbouring label half the time and any other label otherwise. Uniform
/// spammers and bots answer at random, constant spammers give their label 95 % of the time, gold-aware
/// cheaters are right on control tasks and random elsewhere, sleepers turn random after their share of
/// their expected work, ring members copy their leader when the leader answered the task and click at
/// random otherwise; time thieves, shared accounts and farms label with their own (for farms, poor) skill.
/// </remarks>
internal sealed class LiveCrowd
{
    private readonly CrowdPopulation _population;
    private readonly ulong _seed;
    private readonly int _classes;
    private readonly double[] _presence;
    private readonly double[] _acceptRate;
    private readonly int[] _onset;
    private readonly int[] _answered;
    private readonly int[] _leaderOf;
    private readonly Dictionary<(int Task, int Group), int> _leaderLabels = [];

    public LiveCrowd(CrowdPopulation population, LiveSimulationOptions options)
    {
        _population = population;
        _seed = (ulong)options.Seed;
        _classes = population.Options.Labels.Count;
        var accounts = population.Accounts;
        _presence = new double[accounts.Count];
        _acceptRate = new double[accounts.Count];
        _onset = new int[accounts.Count];
        _answered = new int[accounts.Count];
        _leaderOf = new int[accounts.Count];
        var totalActivity = accounts.Sum(a => a.Activity);
        var expectedAnswers = (double)population.Options.Tasks * population.Options.AnswersPerTask;
        for (var i = 0; i < accounts.Count; i++)
        {
            var a = accounts[i];
            _presence[i] = Math.Min(0.95, a.Activity * options.Presence);
            _acceptRate[i] = a.Kind == AdversaryKind.Honest ? 0.8 + (0.2 * Uniform(0xACCE, (ulong)i, 0)) : 1;
            _onset[i] = a.Kind == AdversaryKind.Sleeper ? (int)(a.OnsetShare * expectedAnswers * a.Activity / totalActivity) : int.MaxValue;
            _leaderOf[i] = -1;
        }

        for (var i = 0; i < accounts.Count; i++)
        {
            if (accounts[i].Kind == AdversaryKind.Ring && !accounts[i].IsLeader)
            {
                for (var j = 0; j < accounts.Count; j++)
                {
                    _leaderOf[i] = accounts[j].IsLeader && accounts[j].Group == accounts[i].Group ? j : _leaderOf[i];
                }
            }
        }
    }

    public int Accounts => _presence.Length;

    /// <summary>Whether the account is online in the round.</summary>
    public bool Online(int round, int account) => Uniform(0x0417, (ulong)round, (ulong)account) < _presence[account];

    /// <summary>A number in [0, 1) fixed by the round and account, for ordering and draws of the loop.</summary>
    public double Draw(ulong what, int round, int account) => Uniform(what, (ulong)round, (ulong)account);

    /// <summary>Whether the account takes the task it is offered.</summary>
    public bool Takes(int task, int account) => Uniform(0x7A4E, (ulong)task, (ulong)account) < _acceptRate[account];

    /// <summary>The label the account gives the task (and counts the answer toward a sleeper's turn).</summary>
    public int Answer(int task, int account)
    {
        var a = _population.Accounts[account];
        var truth = _population.TrueLabel[task];
        var u = Uniform(0x1ABE, (ulong)task, (ulong)account);
        var v = Uniform(0x2ABE, (ulong)task, (ulong)account);
        var random = (int)(v * _classes);
        var position = _answered[account]++;
        var label = a.Kind switch
        {
            AdversaryKind.UniformSpammer or AdversaryKind.FastBot => random,
            AdversaryKind.ConstantSpammer => u < 0.95 ? a.ConstantLabel : random,
            AdversaryKind.GoldAware => _population.Gold[task] ? truth : random,
            AdversaryKind.Sleeper when position >= _onset[account] => random,
            AdversaryKind.Ring when !a.IsLeader => _leaderLabels.TryGetValue((task, a.Group), out var copied) ? copied : random,
            _ => Honest(task, account, truth, u),
        };
        if (a.Kind == AdversaryKind.Ring && a.IsLeader)
        {
            _leaderLabels[(task, a.Group)] = label;
        }

        return label;
    }

    private int Honest(int task, int account, int truth, double u)
    {
        var accuracy = _population.Accounts[account].Accuracy[_population.TaskType[task]];
        if (u < accuracy)
        {
            return truth;
        }

        // Wrong: the neighbouring label half the time, else any other label.
        var w = Uniform(0x3ABE, (ulong)task, (ulong)account);
        return w < 0.5 ? (truth + 1) % _classes : (truth + 1 + (int)(2 * (w - 0.5) * (_classes - 1))) % _classes;
    }

    private double Uniform(ulong what, ulong a, ulong b)
    {
        var x = Xoshiro256.SplitMix64(_seed ^ (what * 0x9E3779B97F4A7C15UL));
        x = Xoshiro256.SplitMix64(x ^ a);
        x = Xoshiro256.SplitMix64(x ^ (b + 0x632BE59BD9B4E019UL));
        return (x >> 11) * (1.0 / (1UL << 53));
    }
}
