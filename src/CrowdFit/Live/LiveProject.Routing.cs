using CrowdFit.Quality;
using CrowdFit.Routing;

namespace CrowdFit.Live;

public sealed partial class LiveProject
{
    /// <summary>Prior of the likelihood to accept: Beta(4, 1), a mean of 0.8 before any offer.</summary>
    private const double AcceptPrior = 4;
    private const double DeclinePrior = 1;

    /// <summary>Weight of the information an answer adds (nats, at most ln K) beside the answers it saves.</summary>
    private const double InformationWeight = 0.01;

    private static readonly WorkerProfile s_unknownProfile = new("", null, new HashSet<string>());

    /// <summary>
    /// Ranks workers for a task, best first: by how many fewer answers the task is expected to need after
    /// theirs and the information it is expected to add about its label (their predicted accuracy on its type against what the task still needs), the likelihood they take it,
    /// and their fraud risk. Ineligible workers come last with the reason.
    /// </summary>
    /// <param name="taskId">The task.</param>
    /// <param name="available">Ids of the workers available now.</param>
    /// <exception cref="ArgumentException">The task is unknown.</exception>
    public IReadOnlyList<RankedWorker> Rank(string taskId, IEnumerable<string> available)
    {
        ArgumentNullException.ThrowIfNull(available);
        lock (_gate)
        {
            var task = TaskOf(taskId);
            var ranked = new List<RankedWorker>();
            foreach (var id in available)
            {
                ranked.Add(Standing(task, id));
            }

            ranked.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.Worker, b.Worker));
            return ranked;
        }
    }

    /// <summary>
    /// Picks who gets the task (SPEC E3): the best-ranked eligible worker, or with <paramref name="best"/> false
    /// (or when no worker's answer is expected to help) an eligible one at random. Null when none is eligible.
    /// </summary>
    /// <param name="taskId">The task.</param>
    /// <param name="available">Ids of the workers available now.</param>
    /// <param name="best">Whether to pick the best worker rather than a random eligible one.</param>
    /// <param name="draw">A uniform random number in [0, 1) for the random pick.</param>
    /// <exception cref="ArgumentException">The task is unknown or <paramref name="draw"/> is outside [0, 1).</exception>
    public string? Assign(string taskId, IReadOnlyList<string> available, bool best, double draw)
    {
        ArgumentNullException.ThrowIfNull(available);
        if (!(draw is >= 0 and < 1))
        {
            throw new ArgumentException($"The draw must be in [0, 1) (was {draw}).", nameof(draw));
        }

        lock (_gate)
        {
            var task = TaskOf(taskId);
            string? top = null;
            var topScore = 0.0;
            var eligible = 0;
            Span<bool> ok = available.Count <= 256 ? stackalloc bool[available.Count] : new bool[available.Count];
            for (var i = 0; i < available.Count; i++)
            {
                var standing = Standing(task, available[i], score: best);
                ok[i] = standing.Ineligible is null;
                eligible += ok[i] ? 1 : 0;
                if (ok[i] && standing.Score > topScore)
                {
                    (top, topScore) = (available[i], standing.Score);
                }
            }

            if (best && top is not null)
            {
                return top;
            }

            var pick = (int)(draw * eligible);
            for (var i = 0; i < available.Count; i++)
            {
                if (ok[i] && pick-- == 0)
                {
                    return available[i];
                }
            }

            return null;
        }
    }

    /// <summary>
    /// A worker's standing for a task; workers not seen before are judged on the crowd's skills. Without
    /// <paramref name="score"/> only eligibility is worked out (a random pick needs no more).
    /// </summary>
    private RankedWorker Standing(int task, string id, bool score = true)
    {
        var model = _model;
        var known = _workerIndex.TryGetValue(id, out var worker);
        var w = known ? worker : int.MaxValue;
        var type = _taskType[task];
        var skill = model.Skill(w, type, _options.Skills.DefaultAccuracy);
        var offers = known ? _offers[worker] : 0;
        var accepts = known ? _accepts[worker] : 0;
        var acceptRate = (AcceptPrior + accepts) / (AcceptPrior + DeclinePrior + offers);
        var risk = model.Risk(w);
        string? why;
        if (known && Answered(task, worker))
        {
            why = "already answered this task";
        }
        else if (_status[task] is LiveTaskStatus.Accepted or LiveTaskStatus.Review && _counted[task] >= _options.Quality.MaxAnswers)
        {
            why = "the task's answer budget is spent";
        }
        else if (Suspension(id) is { } suspended)
        {
            why = $"suspended: {suspended}";
        }
        else
        {
            why = model.FlagReason(w) is { } flag ? $"flagged: {flag}" : Ineligible(model, w, type);
        }

        if (why is not null || !score)
        {
            return new RankedWorker(id, 0, skill.Mean, skill.Low, acceptRate, risk, why);
        }

        Span<double> posterior = stackalloc double[_k];
        Span<double> confusion = stackalloc double[_k * _k];
        TaskEvidence.Normalize(_log.Slice(task * _k, _k), posterior);
        WorkerConfusion(model, w, Math.Clamp(skill.Mean, 1e-6, 1 - 1e-6), confusion);
        // What the answer is worth: how many fewer answers the task is expected to need after it (the same
        // forecast as the decision's "extend by k"), then, to order workers where that is equal, the
        // information it adds.
        var value = NeedReduction(task, posterior, confusion, Trusted(model, w), model)
            + (InformationWeight * TaskEvidence.InformationGain(posterior, confusion));
        return new RankedWorker(id, value * acceptRate * (1 - risk), skill.Mean, skill.Low, acceptRate, risk, null);
    }

    /// <summary>
    /// Expected drop in the further answers a task needs (<see cref="TaskEvidence.AgreeingNeeded"/> from the
    /// typical worker) once this worker has answered, averaged over the labels they may give. A worker likely
    /// to settle the task, or to leave it one agreeing answer short, is worth more than one whose answer is
    /// likely to start a disagreement; a fresh task is settled by one answer only from a worker trusted alone.
    /// </summary>
    private double NeedReduction(int task, ReadOnlySpan<double> posterior, ReadOnlySpan<double> confusion, bool trusted, Model model)
    {
        var counted = _counted[task];
        var left = _options.Quality.MaxAnswers - counted;
        if (left <= 0)
        {
            return 0;
        }

        var aql = _options.Quality.Aql;
        var log = _log.Slice(task * _k, _k);

        // A settled task needs nothing (an audit answer is worth only its information); an open task that
        // already meets the limit has a single untrusted answer and needs one more.
        if (_status[task] != LiveTaskStatus.Open)
        {
            return 0;
        }

        var now = Math.Max(1, TaskEvidence.AgreeingNeeded(log, model.TypicalLogConfusion, aql, left));
        Span<double> next = stackalloc double[_k];
        var expected = 0.0;
        for (var l = 0; l < _k; l++)
        {
            var marginal = 0.0;
            for (var y = 0; y < _k; y++)
            {
                var c = confusion[(y * _k) + l];
                marginal += posterior[y] * c;
                next[y] = log[y] + Math.Log(Math.Max(c, 1e-300));
            }

            if (marginal <= 0)
            {
                continue;
            }

            var after = TaskEvidence.AgreeingNeeded(next, model.TypicalLogConfusion, aql, left - 1);
            after = counted == 0 && !(trusted && _options.Quality.SingleAnswer) ? Math.Max(1, after) : after;
            expected += marginal * after;
        }

        return now - expected;
    }

    /// <summary>
    /// The worker's confusion matrix for ranking: the pattern of their mistakes as last estimated (which wrong
    /// labels they give), scaled so each row's right answer has the accuracy predicted for the task's type.
    /// </summary>
    private void WorkerConfusion(Model model, int worker, double accuracy, Span<double> confusion)
    {
        var log = model.LogConfusion(worker);
        for (var y = 0; y < _k; y++)
        {
            var wrong = 0.0;
            for (var l = 0; l < _k; l++)
            {
                confusion[(y * _k) + l] = l == y ? 0 : Math.Exp(log[(y * _k) + l]);
                wrong += confusion[(y * _k) + l];
            }

            for (var l = 0; l < _k; l++)
            {
                confusion[(y * _k) + l] = l == y ? accuracy : confusion[(y * _k) + l] * (1 - accuracy) / wrong;
            }
        }
    }

    /// <summary>Why a worker does not meet the project's requirements for a task type, or null.</summary>
    private string? Ineligible(Model model, int worker, int type)
    {
        var requirements = _options.Requirements;
        if (ReferenceEquals(requirements, WorkerRequirements.None))
        {
            return null;
        }

        var profile = worker < _profiles.Count ? _profiles[worker] ?? s_unknownProfile : s_unknownProfile;
        return requirements.Check(profile, model.Skill(worker, type, _options.Skills.DefaultAccuracy));
    }
}
