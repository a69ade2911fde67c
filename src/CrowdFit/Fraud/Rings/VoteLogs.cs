using CrowdFit.Answers;

namespace CrowdFit.Fraud.Rings;

/// <summary>
/// The log terms <see cref="PairCounter"/> builds its leave-pair-out posteriors from, computed once per run
/// instead of once per pair: every (worker, label)'s floored log confusion column, and every task's log score
/// over all of its answers.
/// </summary>
/// <remarks>
/// The terms are the same numbers, added in the same order, as when each pair computed them itself, so the
/// counts do not change by a bit.
/// </remarks>
internal sealed class VoteLogs
{
    private readonly int _classes;
    private readonly double[] _columns;
    private readonly double[] _taskScores;

    /// <param name="log">The work log; its truth gives the class prior.</param>
    /// <param name="confusion">Every worker's confusion matrix, worker-major W × K × K.</param>
    /// <param name="floor">Smallest confusion cell used, so that a log is never −∞.</param>
    public VoteLogs(WorkLog log, ReadOnlySpan<double> confusion, double floor)
    {
        var answers = log.Answers;
        var k = answers.ClassCount;
        _classes = k;
        _columns = new double[answers.WorkerCount * k * k];
        for (var w = 0; w < answers.WorkerCount; w++)
        {
            for (var l = 0; l < k; l++)
            {
                for (var c = 0; c < k; c++)
                {
                    _columns[(((w * k) + l) * k) + c] = Math.Log(Math.Max(floor, confusion[(w * k * k) + (c * k) + l]));
                }
            }
        }

        var classPrior = log.Truth.ClassPrior;
        var logPrior = new double[k];
        for (var c = 0; c < k; c++)
        {
            logPrior[c] = Math.Log(Math.Max(floor, c < classPrior.Length ? classPrior[c] : 1.0 / k));
        }

        _taskScores = new double[answers.TaskCount * k];

        // Tasks are independent, so a fixed split over threads gives the same scores on any machine.
        const int Chunks = 16;
        Parallel.For(0, Chunks, chunk =>
        {
            var from = (int)((long)answers.TaskCount * chunk / Chunks);
            var to = (int)((long)answers.TaskCount * (chunk + 1) / Chunks);
            Score(answers, log.Gold.PerTask, logPrior, from, to);
        });
    }

    /// <summary>
    /// ln max(floor, C_w[c, label]) for every class c: the log chance, under each true class, that worker
    /// <paramref name="worker"/> gives <paramref name="label"/>.
    /// </summary>
    public ReadOnlySpan<double> Column(int worker, int label) => _columns.AsSpan(((worker * _classes) + label) * _classes, _classes);

    /// <summary>
    /// The log class prior plus the log columns of every answer to <paramref name="task"/>, in answer order;
    /// meaningless for a gold task.
    /// </summary>
    public ReadOnlySpan<double> TaskScore(int task) => _taskScores.AsSpan(task * _classes, _classes);

    private void Score(AnswerSet answers, ReadOnlySpan<int> gold, ReadOnlySpan<double> logPrior, int from, int to)
    {
        var k = _classes;
        var starts = answers.TaskStarts;
        var workers = answers.Workers;
        var labels = answers.AnswerLabels;
        for (var t = from; t < to; t++)
        {
            if (gold[t] != GoldLabels.None)
            {
                continue;
            }

            var full = _taskScores.AsSpan(t * k, k);
            logPrior.CopyTo(full);
            for (var b = starts[t]; b < starts[t + 1]; b++)
            {
                var column = Column(workers[b], labels[b]);
                for (var c = 0; c < k; c++)
                {
                    full[c] += column[c];
                }
            }
        }
    }
}
