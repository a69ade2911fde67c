using CrowdFit.Answers;
using CrowdFit.Fraud;
using CrowdFit.Learning;
using CrowdFit.Live;

namespace CrowdFit.Service.Review;

/// <summary>
/// A project's analysts' decisions as training labels (SPEC D4, F5): a confirmed case is fraud, a cleared one is not;
/// a worker case speaks for every answer of the worker without a decision of its own. At each re-estimation they are
/// mapped onto the answers the engine analyses and, when there are any, the supervised model is trained on them.
/// </summary>
internal sealed class ConfirmedCases(SupervisedFraudOptions? options = null) : IStackedDetectorSource
{
    private readonly Lock _gate = new();
    private readonly List<(string? Task, string Worker, bool Fraud)> _decisions = [];
    private (int Fraud, int Cleared) _lastResolved;

    /// <summary>Decisions recorded so far.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _decisions.Count;
            }
        }
    }

    /// <summary>Fraud and cleared answers at the last re-estimation that had decisions to train on.</summary>
    public (int Fraud, int Cleared) LastResolved
    {
        get
        {
            lock (_gate)
            {
                return _lastResolved;
            }
        }
    }

    /// <summary>Records a decision after it is stored; a later decision on the same answer or worker replaces an earlier one.</summary>
    /// <param name="task">The case's task, or null for a case about the whole worker.</param>
    /// <param name="worker">The case's worker.</param>
    /// <param name="fraud">Confirmed (true) or cleared (false).</param>
    public void Add(string? task, string worker, bool fraud)
    {
        lock (_gate)
        {
            _decisions.Add((task, worker, fraud));
        }
    }

    public IReadOnlyList<IStackedDetector> DetectorsFor(AnswerSet answers)
    {
        (string? Task, string Worker, bool Fraud)[] decisions;
        lock (_gate)
        {
            decisions = [.. _decisions];
        }

        if (decisions.Length == 0)
        {
            return [];
        }

        // Decisions on answers outside this set (tasks still collecting answers) wait for a later re-estimation.
        var (confirmations, _) = Confirmations.Resolve(answers, decisions);
        lock (_gate)
        {
            _lastResolved = (confirmations.Fraud, confirmations.Cleared);
        }

        return [new SupervisedFraudModel(confirmations, options)];
    }
}
