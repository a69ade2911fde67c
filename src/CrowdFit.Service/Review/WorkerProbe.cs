using CrowdFit.Live;

namespace CrowdFit.Service.Review;

/// <summary>What the live engine's last re-estimation says about one worker.</summary>
/// <param name="Risk">The detectors' fraud probability for the worker (0 before the first re-estimation).</param>
/// <param name="Accuracy">Predicted accuracy on the probed task's type.</param>
/// <param name="AccuracyLow">Lower end of its 95 % credible interval.</param>
/// <param name="Flag">Why the engine flagged the worker (their answers are rejected), or null.</param>
internal readonly record struct WorkerStanding(double Risk, double Accuracy, double AccuracyLow, string? Flag);

/// <summary>
/// Reads a worker's standing from <see cref="LiveProject.Rank"/>, the engine's one public view of its worker
/// model: the fraud probability is the same for every task, and a flagged worker is ineligible for any task they
/// have not answered whose budget is not spent, with the flag's reasons.
/// </summary>
internal static class WorkerProbe
{
    private const string FlagPrefix = "flagged: ";
    private const string Answered = "already answered this task";
    private const string Spent = "the task's answer budget is spent";

    /// <summary>Tasks tried at most before the worker is taken as not flagged.</summary>
    private const int MaxProbes = 64;

    /// <summary>The worker's standing, probed on the first tasks that can show a flag.</summary>
    /// <param name="live">The project's engine.</param>
    /// <param name="worker">The worker.</param>
    /// <param name="tasks">The project's tasks, in any order.</param>
    public static WorkerStanding Of(LiveProject live, string worker, IReadOnlyList<string> tasks)
    {
        RankedWorker? first = null;
        string[] who = [worker];
        for (var i = 0; i < tasks.Count && i < MaxProbes; i++)
        {
            var standing = live.Rank(tasks[i], who)[0];
            first ??= standing;
            if (standing.Ineligible is { } why && why.StartsWith(FlagPrefix, StringComparison.Ordinal))
            {
                return new WorkerStanding(standing.Risk, first.Value.Accuracy, first.Value.AccuracyLow, why[FlagPrefix.Length..]);
            }

            if (standing.Ineligible is not (Answered or Spent))
            {
                break;
            }
        }

        return first is { } f ? new WorkerStanding(f.Risk, f.Accuracy, f.AccuracyLow, null) : default;
    }
}
