using System.Globalization;
using CrowdFit.Quality;
using CrowdFit.Routing;

namespace CrowdFit.Live;

/// <summary>
/// One project's live engine: takes one answer at a time and returns the decision on its task — accept, extend
/// by k, review, or reject the answer — with reasons, in microseconds; re-estimates its models on a cadence.
/// </summary>
/// <remarks>
/// <para>
/// Each task keeps its evidence as log probabilities: the class prior plus, per counted answer, the log of
/// the answering worker's confusion column (<see cref="TaskEvidence"/>). An answer updates that in O(K²) at
/// most and <see cref="AqlRule"/> decides. Workers never seen at the last re-estimation get the prior
/// confusion matrix (<see cref="LiveProjectOptions.CorrectPseudoCount"/>).
/// </para>
/// <para>
/// Every <see cref="LiveProjectOptions.RefitEvery"/> answers (or a tenth of the log, if more) the engine
/// re-estimates: truth by IBCC with gold clamped, the fraud detectors over the whole log, each worker's
/// confusion matrix from the posteriors, their skills per task type. Flagged workers' answers are rejected
/// from then on, and their flagged past answers leave the evidence; every task is re-scored, an accepted
/// task whose error now exceeds the AQL is reopened, an open one that now meets it is accepted
/// (<see cref="TakeChanges"/>).
/// </para>
/// <para>All public members are thread-safe; re-estimation may run in the background (<see cref="LiveProjectOptions.Background"/>).</para>
/// </remarks>
public sealed partial class LiveProject
{
    private const byte Counted = 0;
    private const byte RejectedAnswer = 1;
    private const byte Excluded = 2;
    private const byte Duplicate = 3;

    private readonly Lock _gate = new();
    private readonly LiveProjectOptions _options;
    private readonly string[] _labels;
    private readonly Dictionary<string, int> _labelIndex = new(StringComparer.Ordinal);
    private readonly int _k;

    private readonly Dictionary<string, int> _taskIndex = new(StringComparer.Ordinal);
    private readonly Column<string> _taskIds = new();
    private readonly Column<int> _taskType = new();
    private readonly Column<int> _gold = new();
    private readonly Column<int> _firstAnswer = new();
    private readonly Column<int> _counted = new();
    private readonly Column<LiveTaskStatus> _status = new();
    private readonly Column<double> _log = new();

    private readonly Dictionary<string, int> _typeIndex = new(StringComparer.Ordinal);
    private readonly List<string> _typeNames = [];

    private readonly Column<int> _answerTask = new();
    private readonly Column<int> _answerWorker = new();
    private readonly Column<int> _answerLabel = new();
    private readonly Column<int> _nextInTask = new();
    private readonly Column<byte> _answerState = new();

    private readonly Dictionary<string, int> _workerIndex = new(StringComparer.Ordinal);
    private readonly Column<string> _workerIds = new();
    private readonly Column<WorkerProfile?> _profiles = new();
    private readonly Column<int> _workerAnswers = new();
    private readonly Column<int> _offers = new();
    private readonly Column<int> _accepts = new();

    private readonly List<TaskChange> _changes = [];
    private Model _model;
    private int _answersAtRefit;
    private int _refitRunning;

    /// <summary>Creates an empty project.</summary>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public LiveProject(LiveProjectOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Problems() is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        _options = options;
        _labels = [.. options.Labels.Order(StringComparer.Ordinal)];
        _k = _labels.Length;
        for (var i = 0; i < _k; i++)
        {
            _labelIndex[_labels[i]] = i;
        }

        _model = Model.Prior(_k, options);
    }

    /// <summary>The settings.</summary>
    public LiveProjectOptions Options => _options;

    /// <summary>The labels in ordinal order; a label's class index is its position here.</summary>
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>Number of tasks.</summary>
    public int TaskCount
    {
        get
        {
            lock (_gate)
            {
                return _taskIds.Count;
            }
        }
    }

    /// <summary>Number of answers received (rejected ones included).</summary>
    public int AnswerCount
    {
        get
        {
            lock (_gate)
            {
                return _answerTask.Count;
            }
        }
    }

    /// <summary>How many times the models have been re-estimated.</summary>
    public int ModelVersion => Volatile.Read(ref _model).Version;

    /// <summary>Adds a task.</summary>
    /// <param name="id">Task id, unique in the project.</param>
    /// <param name="taskType">Its task type (null: the project's single default type).</param>
    /// <param name="goldLabel">Its known label when it is a control (gold) task, else null.</param>
    /// <exception cref="ArgumentException">The id is empty or already used, or the gold label is not one of the project's labels.</exception>
    public void AddTask(string id, string? taskType = null, string? goldLabel = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        lock (_gate)
        {
            if (_taskIndex.ContainsKey(id))
            {
                throw new ArgumentException($"Task '{id}' already exists.", nameof(id));
            }

            var gold = goldLabel is null ? -1 : LabelIndex(goldLabel, nameof(goldLabel));
            _taskIndex[id] = _taskIds.Count;
            _taskIds.Add(id);
            _taskType.Add(TypeIndex(taskType ?? ""));
            _gold.Add(gold);
            _firstAnswer.Add(-1);
            _counted.Add(0);
            _status.Add(gold >= 0 ? LiveTaskStatus.Gold : LiveTaskStatus.Open);
            foreach (var p in _model.LogPrior)
            {
                _log.Add(p);
            }
        }
    }

    /// <summary>Registers a worker's profile (country, qualifications); a worker first seen in an answer gets an empty one.</summary>
    public void AddWorker(WorkerProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentException.ThrowIfNullOrEmpty(profile.Id);
        lock (_gate)
        {
            _profiles[Worker(profile.Id)] = profile;
        }
    }

    /// <summary>Takes one answer and decides on its task.</summary>
    /// <param name="taskId">The task answered.</param>
    /// <param name="workerId">Who answered (registered on first sight).</param>
    /// <param name="label">The label given.</param>
    /// <exception cref="ArgumentException">The task is unknown or the label is not one of the project's labels.</exception>
    public TaskDecision Submit(string taskId, string workerId, string label)
    {
        ArgumentException.ThrowIfNullOrEmpty(taskId);
        ArgumentException.ThrowIfNullOrEmpty(workerId);
        ArgumentNullException.ThrowIfNull(label);
        TaskDecision decision;
        bool refit;
        lock (_gate)
        {
            var task = TaskOf(taskId);
            var l = LabelIndex(label, nameof(label));
            var worker = Worker(workerId);
            var model = _model;
            var duplicate = Answered(task, worker);
            var objection = duplicate ? "the worker already answered this task" : Objection(model, worker, task, workerId);
            var answer = _answerTask.Count;
            _answerTask.Add(task);
            _answerWorker.Add(worker);
            _answerLabel.Add(l);
            _nextInTask.Add(_firstAnswer[task]);
            _firstAnswer[task] = answer;
            _answerState.Add(objection is null ? Counted : duplicate ? Duplicate : RejectedAnswer);
            _workerAnswers[worker]++;
            if (objection is not null)
            {
                var state = _gold[task] >= 0 ? Control(task, -1) : Decide(model, task);
                decision = state with { Kind = DecisionKind.Reject, Reasons = [$"answer not counted: {objection}", .. state.Reasons] };
            }
            else if (_gold[task] >= 0)
            {
                _counted[task]++;
                decision = Control(task, l);
            }
            else
            {
                _counted[task]++;
                TaskEvidence.Add(_log.Slice(task * _k, _k), model.LogConfusion(worker), l);
                decision = Decide(model, task);
                _status[task] = Status(decision);
            }

            refit = _answerTask.Count - _answersAtRefit >= Math.Max(_options.RefitEvery, (int)(_options.RefitGrowth * _answersAtRefit));
        }

        if (refit)
        {
            StartRefit();
        }

        return decision;
    }

    /// <summary>The current decision on a task, as if its last answer had just arrived.</summary>
    /// <exception cref="ArgumentException">The task is unknown.</exception>
    public TaskDecision Status(string taskId)
    {
        lock (_gate)
        {
            var task = TaskOf(taskId);
            return _gold[task] >= 0 ? Control(task, -1) : Decide(_model, task);
        }
    }

    /// <summary>
    /// Where the task stands: open, delivered (accepted), in review, or a control task. A delivered task stays
    /// delivered through re-estimations unless <see cref="TakeChanges"/> reports it reopened, even when
    /// <see cref="Status(string)"/> — the decision as if its last answer had just arrived — would now ask for more.
    /// </summary>
    /// <exception cref="ArgumentException">The task is unknown.</exception>
    public LiveTaskStatus State(string taskId)
    {
        lock (_gate)
        {
            return _status[TaskOf(taskId)];
        }
    }

    /// <summary>The task's current posterior over <see cref="Labels"/>.</summary>
    /// <exception cref="ArgumentException">The task is unknown.</exception>
    public double[] Posterior(string taskId)
    {
        lock (_gate)
        {
            var task = TaskOf(taskId);
            var posterior = new double[_k];
            TaskEvidence.Normalize(_log.Slice(task * _k, _k), posterior);
            return posterior;
        }
    }

    /// <summary>Decisions that re-estimations changed since the last call (reopened or newly accepted tasks), oldest first.</summary>
    public IReadOnlyList<TaskChange> TakeChanges()
    {
        lock (_gate)
        {
            var changes = _changes.ToArray();
            _changes.Clear();
            return changes;
        }
    }

    /// <summary>The project's delivered quality against its AQL, and which tasks to extend to restore it (SPEC C2).</summary>
    public ExtensionPlan Plan()
    {
        lock (_gate)
        {
            var n = _taskIds.Count;
            var posteriors = new double[n * _k];
            var delivered = new bool[n];
            var extendable = new bool[n];
            for (var t = 0; t < n; t++)
            {
                TaskEvidence.Normalize(_log.Slice(t * _k, _k), posteriors.AsSpan(t * _k, _k));
                delivered[t] = _status[t] == LiveTaskStatus.Accepted;
                extendable[t] = _counted[t] < _options.Quality.MaxAnswers;
            }

            return ExtensionPlanner.Plan(posteriors, delivered, extendable, _model.TypicalConfusion, _options.Quality.Aql);
        }
    }

    /// <summary>Records that a worker was offered a task and whether they took it (the likelihood to accept in routing).</summary>
    public void RecordOffer(string workerId, bool accepted)
    {
        ArgumentException.ThrowIfNullOrEmpty(workerId);
        lock (_gate)
        {
            var worker = Worker(workerId);
            _offers[worker]++;
            _accepts[worker] += accepted ? 1 : 0;
        }
    }

    private TaskDecision Decide(Model model, int task)
    {
        var log = _log.Slice(task * _k, _k);
        var counted = _counted[task];
        string? trust = null;
        if (counted == 1)
        {
            var first = _firstAnswer[task];
            while (_answerState[first] != Counted)
            {
                first = _nextInTask[first];
            }

            trust = Untrusted(model, _answerWorker[first]);
        }

        return AqlRule.Decide(log, counted, model.TypicalLogConfusion, _options.Quality, _labels, trust, Audited(task));
    }

    private TaskDecision Control(int task, int label)
    {
        var gold = _gold[task];
        var reason = label < 0
            ? $"control task: its label is '{_labels[gold]}'"
            : label == gold ? "control task: answer right" : $"control task: answer '{_labels[label]}' is wrong, the label is '{_labels[gold]}'";
        return new TaskDecision(DecisionKind.Accept, gold, 1, _counted[task], 0, false, [reason]);
    }

    private static LiveTaskStatus Status(TaskDecision decision) => decision.Kind switch
    {
        DecisionKind.Accept => LiveTaskStatus.Accepted,
        DecisionKind.Review => LiveTaskStatus.Review,
        _ => LiveTaskStatus.Open,
    };

    /// <summary>Why a worker's answers are not counted now, or null.</summary>
    private string? Objection(Model model, int worker, int task, string workerId)
    {
        if (Suspension(workerId) is { } suspended)
        {
            return $"the worker is suspended ({suspended})";
        }

        if (model.FlagReason(worker) is { } flagged)
        {
            return $"the worker is flagged ({flagged})";
        }

        return Ineligible(model, worker, _taskType[task]);
    }

    /// <summary>Whether a single answer of this worker may settle a task.</summary>
    private bool Trusted(Model model, int worker) => model.AnswersSeen(worker) >= _options.Quality.TrustedAfter && model.Risk(worker) <= _options.TrustRisk;

    /// <summary>Why a single answer of this worker is not enough, or null when they are trusted.</summary>
    private string? Untrusted(Model model, int worker)
    {
        var seen = model.AnswersSeen(worker);
        if (seen < _options.Quality.TrustedAfter)
        {
            return string.Create(CultureInfo.InvariantCulture, $"the worker had {seen} answers at the last estimate, fewer than the {_options.Quality.TrustedAfter} trust needs");
        }

        var risk = model.Risk(worker);
        return risk > _options.TrustRisk
            ? string.Create(CultureInfo.InvariantCulture, $"the detectors give the worker a fraud probability of {risk:0.00}")
            : null;
    }

    /// <summary>Whether the task is in the audit sample: a fixed hash of the task and the seed.</summary>
    private bool Audited(int task)
    {
        var x = ((ulong)task + 1) * 0x9E3779B97F4A7C15UL ^ _options.Seed;
        x ^= x >> 31;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 29;
        return (x >> 11) * (1.0 / (1UL << 53)) < _options.Quality.AuditShare;
    }

    private bool Answered(int task, int worker)
    {
        for (var a = _firstAnswer[task]; a >= 0; a = _nextInTask[a])
        {
            if (_answerWorker[a] == worker)
            {
                return true;
            }
        }

        return false;
    }

    private int TaskOf(string taskId) => _taskIndex.TryGetValue(taskId, out var t)
        ? t
        : throw new ArgumentException($"Unknown task '{taskId}'.", nameof(taskId));

    private int LabelIndex(string label, string parameter) => _labelIndex.TryGetValue(label, out var l)
        ? l
        : throw new ArgumentException($"Unknown label '{label}'; the project's labels are {string.Join(", ", _labels)}.", parameter);

    private int TypeIndex(string type)
    {
        if (!_typeIndex.TryGetValue(type, out var index))
        {
            index = _typeNames.Count;
            _typeIndex[type] = index;
            _typeNames.Add(type);
        }

        return index;
    }

    private int Worker(string id)
    {
        if (!_workerIndex.TryGetValue(id, out var w))
        {
            w = _workerIds.Count;
            _workerIndex[id] = w;
            _workerIds.Add(id);
            _profiles.Add(null);
            _workerAnswers.Add(0);
            _offers.Add(0);
            _accepts.Add(0);
        }

        return w;
    }
}
