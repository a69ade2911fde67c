using CrowdFit.Answers;
using CrowdFit.Fraud;
using CrowdFit.Quality;
using CrowdFit.Routing;
using CrowdFit.Truth;

namespace CrowdFit.Live;

public sealed partial class LiveProject
{
    /// <summary>Re-estimates the models now, on the calling thread, after any re-estimation already running.</summary>
    public void Refit()
    {
        var spin = new SpinWait();
        while (Interlocked.CompareExchange(ref _refitRunning, 1, 0) != 0)
        {
            spin.SpinOnce();
        }

        RunRefit();
    }

    /// <summary>Starts a re-estimation unless one is running: in the background or inline, as the options say.</summary>
    private void StartRefit()
    {
        if (Interlocked.CompareExchange(ref _refitRunning, 1, 0) != 0)
        {
            return;
        }

        if (_options.Background)
        {
            _ = Task.Run(RunRefit);
        }
        else
        {
            RunRefit();
        }
    }

    private void RunRefit()
    {
        var applied = false;
        try
        {
            // A request that arrives from here on needs another re-estimation: this one may miss what prompted it.
            Volatile.Write(ref _refitRequested, 0);
            var snapshot = TakeSnapshot();
            var (model, excluded) = Estimate(snapshot);
            Apply(model, Prepare(model, excluded, snapshot), snapshot);
            applied = true;
        }
        finally
        {
            // Apply ends the re-estimation under the lock, together with publishing the model, so whoever sees the
            // new model can start the next one; only a failed re-estimation ends it here.
            if (!applied)
            {
                Volatile.Write(ref _refitRunning, 0);
            }
        }

        if (applied && Volatile.Read(ref _refitRequested) != 0)
        {
            StartRefit();
        }
    }

    /// <summary>The log as it stands, copied under the lock.</summary>
    private Snapshot TakeSnapshot()
    {
        lock (_gate)
        {
            _answersAtRefit = _answerTask.Count;
            return new Snapshot(
                _taskIds.ToArray(), _workerIds.ToArray(), _taskType.ToArray(), _gold.ToArray(),
                _answerTask.ToArray(), _answerWorker.ToArray(), _answerLabel.ToArray(), _answerState.ToArray(), _status.ToArray(), _typeNames.Count, _model.Version)
            {
                Suspended = SuspendedWorkers(),
            };
        }
    }

    /// <summary>Truth, detectors, confusion matrices and skills from a snapshot; runs without the lock.</summary>
    private (Model Model, int[] Excluded) Estimate(Snapshot s)
    {
        // Answers are judged on finished tasks only: the newest answers of every worker sit on tasks still
        // collecting answers, where agreeing with the others means little yet, and would look like a change of
        // behaviour. Duplicates (a worker answering a task twice) stay out; everything else, rejected answers
        // included, is evidence for the detectors.
        var keep = new List<int>(s.AnswerTask.Length);
        for (var a = 0; a < s.AnswerTask.Length; a++)
        {
            if (s.AnswerState[a] != Duplicate && s.Status[s.AnswerTask[a]] != LiveTaskStatus.Open)
            {
                keep.Add(a);
            }
        }

        var rows = keep.ToArray();
        var set = AnswerSet.FromColumns(s.TaskIds, s.WorkerIds, _labels, [.. rows.Select(a => s.AnswerTask[a])], [.. rows.Select(a => s.AnswerWorker[a])], [.. rows.Select(a => s.AnswerLabel[a])]);
        var gold = GoldLabels.FromPerTask(s.Gold, _k);
        TruthResult truth;
        FraudScores? scores = null;
        WorkLog? log = null;
        (IReadOnlyList<LiveRing> Rings, bool Searched) rings = ([], false);
        IReadOnlyList<DetectorReport> stackedReports = [];
        if (_options.Detectors && set.Count > 0)
        {
            var stacked = _options.StackedDetectors?.DetectorsFor(set) ?? [];
            var analysis = FraudAnalysis.Run(set, null, gold, _options.DetectorSet, _options.Analysis, stacked);
            stackedReports = [.. analysis.Reports.Skip(analysis.Reports.Count - stacked.Count)];
            truth = analysis.Truth;
            scores = analysis.Scores;
            log = analysis.Log;
            rings = RingsOf(analysis, s.WorkerIds);
        }
        else
        {
            truth = TruthMethods.Create(_options.Analysis.TruthMethod).Infer(set, gold);
        }

        var workers = s.WorkerIds.Length;
        var kk = _k * _k;
        var counts = new double[workers * kk];
        var pooled = new double[kk];
        var seen = new int[workers];

        // Skills weigh recent answers more: an answer counts half as much for every SkillHalfLife answers the
        // worker has given since, so a worker who turns careless loses the lead their history gave them.
        var total = new int[workers];
        foreach (var row in rows)
        {
            total[s.AnswerWorker[row]]++;
        }

        var rank = new int[rows.Length];
        var given = new int[workers];
        for (var i = 0; i < rows.Length; i++)
        {
            rank[i] = given[s.AnswerWorker[rows[i]]]++;
        }

        var decay = Math.Log(2) / _options.SkillHalfLife;
        var evidence = new SkillEvidence(workers, Math.Max(1, s.Types));
        var excluded = new List<int>();
        var flaggedWorker = scores?.WorkerFlagged.ToArray() ?? new bool[workers];
        for (var a = 0; a < set.Count; a++)
        {
            var w = set.Workers[a];
            var t = set.Tasks[a];
            var l = set.AnswerLabels[a];
            // Out go the flagged answers, a flagged worker's answers from the flag's onset on (all of them when
            // the flag has no onset): a sleeper's good answers before it stay; and all of a suspended worker's.
            if (s.Suspended[w] || (scores is not null && (scores.AnswerFlagged[a] || (flaggedWorker[w] && log!.PositionInTimeline(a) >= scores.WorkerOnset[w]))))
            {
                excluded.Add(rows[set.SourceRow(a)]);
                continue;
            }

            seen[w]++;
            var posterior = truth.Posterior(t);
            for (var y = 0; y < _k; y++)
            {
                counts[(w * kk) + (y * _k) + l] += posterior[y];
                pooled[(y * _k) + l] += posterior[y];
            }

            var recency = Math.Exp(-decay * (total[w] - 1 - rank[set.SourceRow(a)]));
            evidence.Add(w, s.TaskType[t], s.Gold[t] >= 0 ? (l == s.Gold[t] ? 1 : 0) : posterior[l], recency * (s.Gold[t] >= 0 ? _options.GoldWeight : 1));
        }

        // Empirical Bayes: the crowd's pooled confusion (itself under the fixed prior) is the prior of every
        // worker's rows, so a worker with few answers looks like the crowd rather than like a coin.
        var prior = Model.PriorConfusion(_k, _options);
        var rowPrior = _options.CorrectPseudoCount + ((_k - 1) * _options.ErrorPseudoCount);
        Normalise(pooled, prior, rowPrior);
        var logConfusion = new double[workers * kk];
        for (var w = 0; w < workers; w++)
        {
            Normalise(counts.AsSpan(w * kk, kk), pooled, _options.WorkerPriorStrength);
            TaskEvidence.Log(counts.AsSpan(w * kk, kk), logConfusion.AsSpan(w * kk, kk));
        }

        var logPrior = new double[_k];
        TaskEvidence.Log(truth.ClassPrior, logPrior);
        var risk = new double[workers];
        var reasons = new string?[workers];
        for (var w = 0; w < workers && scores is not null; w++)
        {
            risk[w] = scores.WorkerProbability[w];
            reasons[w] = scores.WorkerFlagged[w] ? scores.WorkerReasons(w) : null;
        }

        var skills = SkillModel.Fit(evidence, _options.Skills);
        var model = new Model(s.Version + 1, _k, logPrior, logConfusion, Model.LogOf(pooled), pooled, seen, risk, reasons, skills) { Rings = rings.Rings, RingsSearched = rings.Searched, Stacked = stackedReports };
        return (model, [.. excluded]);
    }

    /// <summary>Adds the prior's pseudo-counts to each row of expected counts and normalises it.</summary>
    private void Normalise(Span<double> counts, ReadOnlySpan<double> prior, double rowPrior)
    {
        for (var y = 0; y < _k; y++)
        {
            var row = counts.Slice(y * _k, _k);
            var sum = 0.0;
            for (var l = 0; l < _k; l++)
            {
                row[l] += prior[(y * _k) + l] * rowPrior;
                sum += row[l];
            }

            for (var l = 0; l < _k; l++)
            {
                row[l] /= sum;
            }
        }
    }

    /// <summary>
    /// Every snapshot task's evidence under the new model, computed without the lock: the answers the
    /// estimate excluded, and those of workers it flagged, are left out.
    /// </summary>
    private Prepared Prepare(Model model, int[] excluded, Snapshot s)
    {
        var n = s.AnswerTask.Length;
        var drop = new bool[n];
        foreach (var a in excluded)
        {
            drop[a] = true;
        }

        // Answers reinstated by an overturned appeal count whatever the detectors say of them.
        foreach (var a in Volatile.Read(ref _reinstated))
        {
            if (a < n)
            {
                drop[a] = false;
            }
        }

        var tasks = s.TaskIds.Length;
        var logs = new double[tasks * _k];
        var counted = new int[tasks];
        var lost = new bool[tasks];
        for (var t = 0; t < tasks; t++)
        {
            model.LogPrior.CopyTo(logs.AsSpan(t * _k, _k));
        }

        for (var a = 0; a < n; a++)
        {
            if (s.AnswerState[a] != Counted)
            {
                continue;
            }

            // The analysis flagged answers it saw (from a change's onset on); a flagged or suspended worker's
            // answers it did not see (on tasks still open) leave too.
            var t = s.AnswerTask[a];
            drop[a] |= s.Status[t] == LiveTaskStatus.Open && (model.FlagReason(s.AnswerWorker[a]) is not null || s.Suspended[s.AnswerWorker[a]]);
            if (drop[a])
            {
                lost[t] = true;
                continue;
            }

            counted[t]++;
            if (s.Gold[t] < 0)
            {
                TaskEvidence.Add(logs.AsSpan(t * _k, _k), model.LogConfusion(s.AnswerWorker[a]), s.AnswerLabel[a]);
            }
        }

        return new Prepared(logs, counted, lost, drop);
    }

    /// <summary>
    /// Swaps the model in under the lock: the prepared evidence is copied in, answers that arrived during the
    /// estimate are added, and only tasks whose decision may have changed are decided again.
    /// </summary>
    private void Apply(Model model, Prepared prepared, Snapshot s)
    {
        lock (_gate)
        {
            _model = model;
            var n = s.AnswerTask.Length;
            var lost = new bool[_taskIds.Count];
            prepared.Lost.CopyTo(lost, 0);
            for (var a = 0; a < n; a++)
            {
                if (prepared.Drop[a] && _answerState[a] == Counted)
                {
                    _answerState[a] = Excluded;
                }
            }

            var snapshotTasks = s.TaskIds.Length;
            prepared.Logs.CopyTo(_log.Slice(0, snapshotTasks * _k));
            prepared.Counted.CopyTo(_counted.Slice(0, snapshotTasks));
            foreach (var a in _reinstated)
            {
                // Reinstated during the estimate: the snapshot saw the answer rejected.
                if (a < n && s.AnswerState[a] != Counted)
                {
                    var t = _answerTask[a];
                    _counted[t]++;
                    if (_gold[t] < 0)
                    {
                        TaskEvidence.Add(_log.Slice(t * _k, _k), model.LogConfusion(_answerWorker[a]), _answerLabel[a]);
                    }
                }
            }

            for (var t = snapshotTasks; t < _taskIds.Count; t++)
            {
                model.LogPrior.CopyTo(_log.Slice(t * _k, _k));
                _counted[t] = 0;
            }

            // Answers that came in during the estimate: those of workers it flagged, or suspended since, leave the evidence.
            for (var a = n; a < _answerTask.Count; a++)
            {
                var t = _answerTask[a];
                if (_answerState[a] == Counted && (model.FlagReason(_answerWorker[a]) is not null || Suspension(_workerIds[_answerWorker[a]]) is not null))
                {
                    _answerState[a] = Excluded;
                    lost[t] = true;
                }

                if (_answerState[a] == Counted && _gold[t] < 0)
                {
                    _counted[t]++;
                    TaskEvidence.Add(_log.Slice(t * _k, _k), model.LogConfusion(_answerWorker[a]), _answerLabel[a]);
                }
                else if (_answerState[a] == Counted)
                {
                    _counted[t]++;
                }
            }

            for (var t = 0; t < _taskIds.Count; t++)
            {
                Settle(model, t, lost[t]);
            }

            Volatile.Write(ref _refitRunning, 0);
        }
    }

    /// <summary>
    /// Records a task's changed decision under a new model. A delivered task is reopened when an answer it
    /// stood on was taken out, or when the new model puts its error over twice the AQL; a smaller drift of the
    /// estimates alone does not send it back (it would churn near the limit).
    /// </summary>
    private void Settle(Model model, int task, bool lostAnswers)
    {
        var before = _status[task];
        if (before is LiveTaskStatus.Gold or LiveTaskStatus.Review)
        {
            return;
        }

        if (before == LiveTaskStatus.Accepted && !lostAnswers)
        {
            // The common case, decided without the full rule: a delivered task stays unless far over the limit.
            Span<double> posterior = stackalloc double[_k];
            TaskEvidence.Normalize(_log.Slice(task * _k, _k), posterior);
            if (1 - posterior[TaskEvidence.Leader(posterior)] <= 2 * _options.Quality.Aql)
            {
                return;
            }
        }

        var decision = Decide(model, task);
        var after = Status(decision);
        if (after != before)
        {
            _status[task] = after;
            _changes.Add(new TaskChange(_taskIds[task], decision)
            {
                ModelVersion = model.Version,
                Cause = lostAnswers ? "answers it stood on were taken out at the re-estimation" : "the re-estimated models changed its posterior",
            });
        }
    }

    private sealed record Prepared(double[] Logs, int[] Counted, bool[] Lost, bool[] Drop);

    private sealed record Snapshot(
        string[] TaskIds, string[] WorkerIds, int[] TaskType, int[] Gold,
        int[] AnswerTask, int[] AnswerWorker, int[] AnswerLabel, byte[] AnswerState, LiveTaskStatus[] Status, int Types, int Version)
    {
        /// <summary>Per worker, whether they were suspended when the snapshot was taken.</summary>
        public bool[] Suspended { get; init; } = [];
    }
}
