using CrowdFit.Quality;

namespace CrowdFit.Live;

public sealed partial class LiveProject
{
    private int _refitRequested;

    // Answers counted again after an overturned appeal; replaced whole, so a re-estimation reads it without the lock.
    private int[] _reinstated = [];

    /// <summary>What the stacked detectors (<see cref="LiveProjectOptions.StackedDetectors"/>) reported at the re-estimation behind the current model.</summary>
    public StackedRun Stacked
    {
        get
        {
            var model = Volatile.Read(ref _model);
            return new StackedRun(model.Version, model.Stacked);
        }
    }

    /// <summary>
    /// Asks for a re-estimation now, for example because analysts' decisions changed what a learned detector knows:
    /// it starts in the background or inline, as <see cref="LiveProjectOptions.Background"/> says. When one is
    /// already running, another follows it, so the request is always served by a re-estimation that starts after it.
    /// </summary>
    public void RequestRefit()
    {
        Volatile.Write(ref _refitRequested, 1);
        StartRefit();
    }

    /// <summary>
    /// Counts a worker's rejected answer to a task again (an appeal against its rejection was upheld in the worker's
    /// favour) and decides the task anew. The answer stays counted at later re-estimations, even when the worker is flagged.
    /// </summary>
    /// <param name="taskId">The task answered.</param>
    /// <param name="workerId">The worker whose answer was rejected.</param>
    /// <returns>The task's new decision; null when the worker has no rejected answer on the task (never answered it, or the answer counts already). A worker's second answer to a task is never counted.</returns>
    /// <exception cref="ArgumentException">The task is unknown.</exception>
    public TaskDecision? Reinstate(string taskId, string workerId)
    {
        ArgumentException.ThrowIfNullOrEmpty(taskId);
        ArgumentException.ThrowIfNullOrEmpty(workerId);
        lock (_gate)
        {
            var task = TaskOf(taskId);
            if (!_workerIndex.TryGetValue(workerId, out var worker))
            {
                return null;
            }

            var answer = -1;
            for (var a = _firstAnswer[task]; a >= 0; a = _nextInTask[a])
            {
                if (_answerWorker[a] == worker && _answerState[a] == RejectedAnswer)
                {
                    answer = a;
                }
            }

            if (answer < 0)
            {
                return null;
            }

            _answerState[answer] = Counted;
            _reinstated = [.. _reinstated, answer];
            _counted[task]++;
            if (_gold[task] >= 0)
            {
                return Control(task, _answerLabel[answer]);
            }

            var model = _model;
            TaskEvidence.Add(_log.Slice(task * _k, _k), model.LogConfusion(worker), _answerLabel[answer]);
            var decision = Decide(model, task);
            _status[task] = Status(decision);
            return decision;
        }
    }
}
