using CrowdFit.Answers;

namespace CrowdFit.Fraud;

/// <summary>
/// Analysts' decisions on past flags: per answer, confirmed fraud (true), cleared (false) or not adjudicated
/// (null). A decision about a whole worker applies to each of the worker's answers that has no decision of its own.
/// </summary>
public sealed class Confirmations
{
    private readonly bool?[] _decision;

    private Confirmations(bool?[] decision)
    {
        _decision = decision;
        Fraud = decision.Count(d => d == true);
        Cleared = decision.Count(d => d == false);
    }

    /// <summary>Number of answers confirmed as fraud.</summary>
    public int Fraud { get; }

    /// <summary>Number of answers cleared.</summary>
    public int Cleared { get; }

    /// <summary>The decision on answer <paramref name="answer"/>: true = fraud, false = cleared, null = none.</summary>
    public bool? this[int answer] => _decision[answer];

    /// <summary>No decisions for a log of <paramref name="answerCount"/> answers.</summary>
    public static Confirmations None(int answerCount) => new(new bool?[answerCount]);

    /// <summary>Resolves decisions against the answers.</summary>
    /// <param name="answers">The answers.</param>
    /// <param name="decisions">
    /// Decisions as (task, worker, fraud): a null task means every answer of the worker. Later decisions on the
    /// same answer replace earlier ones.
    /// </param>
    /// <returns>The decisions and the ones that name an unknown task, worker or answer (for the caller to report).</returns>
    public static (Confirmations Confirmations, IReadOnlyList<(string? Task, string Worker)> Unknown) Resolve(AnswerSet answers, IEnumerable<(string? Task, string Worker, bool Fraud)> decisions)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(decisions);
        var perAnswer = new bool?[answers.Count];
        var perWorker = new bool?[answers.WorkerCount];
        List<(string?, string)> unknown = [];
        foreach (var (taskId, workerId, fraud) in decisions)
        {
            var worker = answers.FindWorker(workerId);
            if (worker < 0)
            {
                unknown.Add((taskId, workerId));
                continue;
            }

            if (taskId is null)
            {
                perWorker[worker] = fraud;
                continue;
            }

            var task = answers.FindTask(taskId);
            var found = -1;
            if (task >= 0)
            {
                for (var a = answers.TaskStart(task); a < answers.TaskStart(task + 1); a++)
                {
                    if (answers.Workers[a] == worker)
                    {
                        found = a;
                        break;
                    }
                }
            }

            if (found < 0)
            {
                unknown.Add((taskId, workerId));
            }
            else
            {
                perAnswer[found] = fraud;
            }
        }

        for (var a = 0; a < answers.Count; a++)
        {
            perAnswer[a] ??= perWorker[answers.Workers[a]];
        }

        return (new Confirmations(perAnswer), unknown);
    }
}
