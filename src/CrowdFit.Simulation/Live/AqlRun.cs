using System.Diagnostics;
using System.Globalization;
using CrowdFit.Live;
using CrowdFit.Quality;

namespace CrowdFit.Simulation.Live;

/// <summary>CrowdFit's live engine in the loop: every answer decided by <see cref="LiveProject"/>, workers picked by it.</summary>
internal sealed class AqlRun : PolicyRun
{
    private readonly LiveProject _project;
    private readonly string[] _taskIds;
    private readonly string[] _accountIds;
    private readonly Dictionary<string, int> _taskIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _accountIndex = new(StringComparer.Ordinal);
    private readonly string[] _labels;
    private readonly int[] _classOf;
    private readonly bool _best;
    private readonly bool[] _audited;
    private readonly List<string> _names = [];
    private long _decisions;
    private long _ticks;

    public AqlRun(LivePolicy policy, LiveSimulationOptions options, Adversarial.CrowdPopulation population)
    {
        _best = policy.BestWorker;
        _labels = [.. population.Options.Labels];
        _project = new LiveProject(new LiveProjectOptions
        {
            Labels = _labels,
            Quality = new AqlOptions { Aql = policy.Aql, MaxAnswers = options.MaxAnswers },
            RefitEvery = options.RefitEvery,
            Seed = (ulong)options.Seed,
        });

        // The engine orders labels ordinally; map its class indices back to the population's.
        _classOf = [.. _project.Labels.Select(l => Array.IndexOf(_labels, l))];
        var tasks = population.TrueLabel.Count;
        _taskIds = new string[tasks];
        _audited = new bool[tasks];
        for (var t = 0; t < tasks; t++)
        {
            _taskIds[t] = "t" + t.ToString(CultureInfo.InvariantCulture);
            _taskIndex[_taskIds[t]] = t;
            var type = population.Options.TaskTypes[population.TaskType[t]].Name;
            _project.AddTask(_taskIds[t], type, population.Gold[t] ? _labels[population.TrueLabel[t]] : null);
        }

        _accountIds = [.. population.Accounts.Select(a => a.Id)];
        for (var a = 0; a < _accountIds.Length; a++)
        {
            _accountIndex[_accountIds[a]] = a;
        }
    }

    public override int FirstNeed => 1;

    public LiveProject Project => _project;

    public override int Pick(int task, IReadOnlyList<int> candidates, double draw)
    {
        _names.Clear();
        foreach (var c in candidates)
        {
            _names.Add(_accountIds[c]);
        }

        var chosen = _project.Assign(_taskIds[task], _names, _best, draw);
        return chosen is null ? -1 : _accountIndex[chosen];
    }

    /// <summary>
    /// With best-worker routing: every (task, worker) pair of the round scored by the engine's ranking, then
    /// taken greedily, highest score first, each worker once and each task as many times as it has slots.
    /// </summary>
    public override List<(int Task, int Account)>? PlanRound(IReadOnlyList<int> tasks, IReadOnlyList<int> candidates)
    {
        if (!_best)
        {
            return null;
        }

        _names.Clear();
        foreach (var c in candidates)
        {
            _names.Add(_accountIds[c]);
        }

        // Ties (before the first estimate every worker looks alike) go by the round's shuffled order of the
        // candidates, not by account number.
        var order = new Dictionary<int, int>();
        for (var i = 0; i < candidates.Count; i++)
        {
            order[candidates[i]] = i;
        }

        var pairs = new List<(double Score, int Task, int Account)>();
        foreach (var task in tasks.Distinct())
        {
            foreach (var r in _project.Rank(_taskIds[task], _names))
            {
                if (r.Ineligible is null)
                {
                    pairs.Add((r.Score, task, _accountIndex[r.Worker]));
                }
            }
        }

        pairs.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : order[a.Account] != order[b.Account] ? order[a.Account].CompareTo(order[b.Account]) : a.Task.CompareTo(b.Task));
        var slots = tasks.GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        var used = new HashSet<int>();
        var plan = new List<(int, int)>();
        foreach (var (_, task, account) in pairs)
        {
            if (slots[task] > 0 && used.Add(account))
            {
                slots[task]--;
                plan.Add((task, account));
            }
        }

        return plan;
    }

    public override void Offered(int account, bool taken) => _project.RecordOffer(_accountIds[account], taken);

    public override void Control(int task, int account, int label, int gold) => Submit(task, account, label);

    public override (int Need, bool Review) Answered(int task, int account, int label)
    {
        var decision = Submit(task, account, label);
        return Want(task, decision);
    }

    public override IEnumerable<(int Task, int Need)> Changes()
    {
        foreach (var change in _project.TakeChanges())
        {
            var task = _taskIndex[change.Task];
            yield return (task, Want(task, change.Decision).Need);
        }
    }

    public override IReadOnlyList<int> Final()
    {
        _project.Refit();
        var reopened = Changes().Where(c => c.Need > 0).Select(c => c.Task).ToList();
        var plan = _project.Plan();
        reopened.AddRange(plan.Tasks);
        return [.. reopened.Distinct()];
    }

    public override int Delivered(int task)
    {
        var label = _project.Status(_taskIds[task]).Label;
        return label < 0 ? -1 : _classOf[label];
    }

    public override double ExpectedError => _project.Plan().ExpectedError;

    public override double DecisionMicroseconds => _decisions == 0 ? double.NaN : _ticks * 1e6 / Stopwatch.Frequency / _decisions;

    private TaskDecision Submit(int task, int account, int label)
    {
        var version = _project.ModelVersion;
        var started = Stopwatch.GetTimestamp();
        var decision = _project.Submit(_taskIds[task], _accountIds[account], _labels[label]);
        var elapsed = Stopwatch.GetTimestamp() - started;

        // A decision that triggered an inline re-estimation is not a decision's cost.
        if (_project.ModelVersion == version)
        {
            _ticks += elapsed;
            _decisions++;
        }

        return decision;
    }

    private (int Need, bool Review) Want(int task, TaskDecision decision)
    {
        switch (decision.Kind)
        {
            case DecisionKind.Accept when decision.Audit && !_audited[task]:
                _audited[task] = true;
                return (1, false);
            case DecisionKind.Accept:
                return (0, false);
            case DecisionKind.Review:
                return (0, true);
            default:
                return (1, false);
        }
    }
}
