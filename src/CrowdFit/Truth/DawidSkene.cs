using System.Runtime.CompilerServices;
using CrowdFit.Answers;

namespace CrowdFit.Truth;

/// <summary>
/// Dawid–Skene expectation–maximisation: every worker has a full confusion matrix, every task a latent
/// true class; EM alternates the posterior of the classes (E-step) and the maximum-likelihood confusion
/// matrices and class proportions (M-step).
/// </summary>
/// <remarks>
/// Dawid, A. P. and Skene, A. M. (1979), "Maximum likelihood estimation of observer error-rates using the
/// EM algorithm", Applied Statistics 28(1). The initialisation (majority-vote shares), the stopping rule
/// and the floor on zero cells follow Crowd-Kit 1.4.1, so posteriors agree with it; gold tasks are clamped
/// after every E-step.
/// </remarks>
public sealed class DawidSkene : ITruthMethod
{
    private readonly DawidSkeneOptions _options;

    /// <summary>Creates the method.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public DawidSkene(DawidSkeneOptions? options = null)
    {
        _options = options ?? new DawidSkeneOptions();
        _options.Validate();
    }

    /// <inheritdoc />
    public string Name => "ds";

    /// <inheritdoc />
    public TruthResult Infer(AnswerSet answers, GoldLabels? gold = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var k = answers.ClassCount;
        var posterior = new double[answers.TaskCount * k];
        Posteriors.VoteShares(answers, posterior);
        Posteriors.ClampGold(gold, posterior, k);
        var prior = Posteriors.ClassShares(posterior, answers.TaskCount, k);
        var confusion = new double[answers.WorkerCount * k * k];
        MaximisationStep(answers, posterior, confusion);

        var objective = double.NegativeInfinity;
        var iterations = 0;
        var converged = false;
        while (iterations < _options.MaxIterations)
        {
            iterations++;
            ExpectationStep(answers, prior, confusion, posterior);
            Posteriors.ClampGold(gold, posterior, k);
            prior = Posteriors.ClassShares(posterior, answers.TaskCount, k);
            MaximisationStep(answers, posterior, confusion);
            var next = Objective(answers, posterior, prior, confusion) / Math.Max(1, answers.Count);
            if (next - objective < _options.Tolerance)
            {
                converged = true;
                break;
            }

            objective = next;
        }

        var workers = WorkerEstimates.Build(answers, posterior, confusion);
        return new TruthResult(Name, answers, posterior, prior, workers, iterations, converged);
    }

    /// <summary>Posterior of every task's class given the confusion matrices and class proportions.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ExpectationStep(AnswerSet answers, ReadOnlySpan<double> prior, ReadOnlySpan<double> confusion, double[] posterior)
    {
        var k = answers.ClassCount;
        var logPrior = new double[k];
        Posteriors.FlooredLogs(prior, _options.Floor, logPrior);

        var logConfusion = Logs(confusion);

        // Each task's posterior depends on nothing but its own answers, so ranges of tasks run in parallel.
        var bounds = TaskRanges.Split(answers, TaskRanges.Count(answers, 0));
        Parallel.For(0, bounds.Length - 1, range => UpdateTasks(answers, bounds[range], bounds[range + 1], logPrior, logConfusion, posterior));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void UpdateTasks(AnswerSet answers, int first, int end, ReadOnlySpan<double> logPrior, ReadOnlySpan<double> logConfusion, Span<double> posterior)
    {
        var k = answers.ClassCount;
        var starts = answers.TaskStarts;
        var workers = answers.Workers;
        var labels = answers.AnswerLabels;
        for (var t = first; t < end; t++)
        {
            var row = posterior.Slice(t * k, k);
            logPrior.CopyTo(row);
            for (var a = starts[t]; a < starts[t + 1]; a++)
            {
                var cell = (workers[a] * k * k) + labels[a];
                for (var truth = 0; truth < row.Length; truth++)
                {
                    row[truth] += logConfusion[cell + (truth * k)];
                }
            }

            Posteriors.SoftMaxInPlace(row);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MaximisationStep(AnswerSet answers, ReadOnlySpan<double> posterior, Span<double> confusion)
    {
        var k = answers.ClassCount;
        confusion.Clear();
        var starts = answers.TaskStarts;
        var workers = answers.Workers;
        var labels = answers.AnswerLabels;
        for (var t = 0; t < answers.TaskCount; t++)
        {
            var row = posterior.Slice(t * k, k);
            for (var a = starts[t]; a < starts[t + 1]; a++)
            {
                var cell = (workers[a] * k * k) + labels[a];
                for (var truth = 0; truth < row.Length; truth++)
                {
                    confusion[cell + (truth * k)] += row[truth];
                }
            }
        }

        // Each row (worker, true class) becomes a distribution over observed classes.
        for (var r = 0; r < confusion.Length; r += k)
        {
            var cells = confusion.Slice(r, k);
            var sum = 0.0;
            for (var l = 0; l < k; l++)
            {
                cells[l] = Math.Max(cells[l], _options.Floor);
                sum += cells[l];
            }

            for (var l = 0; l < k; l++)
            {
                cells[l] /= sum;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Objective(AnswerSet answers, ReadOnlySpan<double> posterior, ReadOnlySpan<double> prior, ReadOnlySpan<double> confusion)
    {
        // Crowd-Kit's convergence monitor: the class prior enters once per answer, not once per task.
        var k = answers.ClassCount;
        var starts = answers.TaskStarts;
        var workers = answers.Workers;
        var labels = answers.AnswerLabels;
        var logPrior = Logs(prior);
        var logConfusion = Logs(confusion);
        var total = 0.0;
        for (var t = 0; t < answers.TaskCount; t++)
        {
            var row = posterior.Slice(t * k, k);
            for (var a = starts[t]; a < starts[t + 1]; a++)
            {
                var cell = (workers[a] * k * k) + labels[a];
                for (var truth = 0; truth < row.Length; truth++)
                {
                    if (row[truth] > 0)
                    {
                        total += row[truth] * (logConfusion[cell + (truth * k)] + logPrior[truth]);
                    }
                }
            }
        }

        foreach (var p in posterior)
        {
            if (p > 0)
            {
                total -= p * Math.Log(p);
            }
        }

        return total;
    }

    private static double[] Logs(ReadOnlySpan<double> values)
    {
        var logs = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            logs[i] = Math.Log(values[i]);
        }

        return logs;
    }
}
