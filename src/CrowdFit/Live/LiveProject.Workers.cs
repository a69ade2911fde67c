namespace CrowdFit.Live;

public sealed partial class LiveProject
{
    /// <summary>A worker's standing in the last re-estimation: predicted accuracy with its interval, fraud probability and flag.</summary>
    /// <param name="workerId">The worker; one never seen gets the standing of a newcomer.</param>
    /// <param name="taskType">The task type to predict the accuracy on; null for the project's default type.</param>
    /// <exception cref="ArgumentException"><paramref name="workerId"/> is null or empty.</exception>
    public LiveWorkerStanding WorkerStanding(string workerId, string? taskType = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(workerId);
        var type = taskType ?? "";
        lock (_gate)
        {
            var model = _model;
            var w = _workerIndex.TryGetValue(workerId, out var worker) ? worker : int.MaxValue;
            var t = _typeIndex.TryGetValue(type, out var index) ? index : int.MaxValue;
            var skill = model.Skill(w, t, _options.Skills.DefaultAccuracy);
            return new LiveWorkerStanding(workerId, type, skill, model.Risk(w), model.FlagReason(w), model.AnswersSeen(w), model.Version);
        }
    }
}
