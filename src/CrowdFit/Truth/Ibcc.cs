using System.Runtime.CompilerServices;
using CrowdFit.Answers;
using CrowdFit.Numerics;

namespace CrowdFit.Truth;

/// <summary>
/// Independent Bayesian classifier combination (IBCC) by variational Bayes: Dawid–Skene's model with a
/// Dirichlet prior on the class proportions and on every row of every worker's confusion matrix, so that
/// workers with few answers are pulled towards the prior instead of being trusted blindly.
/// </summary>
/// <remarks>
/// Kim, H.-C. and Ghahramani, Z. (2012), "Bayesian classifier combination", AISTATS; the variational
/// updates of Simpson, E., Roberts, S., Psorakis, I. and Smith, A. (2013), "Dynamic Bayesian combination
/// of multiple imperfect classifiers". The variational posterior of the confusion rows is
/// Dirichlet(α₀ + expected counts); the task posterior uses the expected logs ψ(α) − ψ(Σα).
/// Initialised from majority-vote shares; gold tasks are clamped throughout. Iterations stop when the
/// variational lower bound on the log evidence (Bishop, C. M. (2006), "Pattern recognition and machine
/// learning", §10.1) stops rising. The pass over the tasks runs on several threads, one range of tasks
/// each (<see cref="TaskRanges"/>); the ranges depend on the data only, so the result is the same on any
/// machine.
/// </remarks>
public sealed class Ibcc : ITruthMethod
{
    /// <summary>Fewest workers worth a block of their own in the M-step (fewer run on one thread).</summary>
    private const int MinWorkersPerBlock = 1024;

    /// <summary>Most blocks of workers in the M-step.</summary>
    private const int MaxBlocks = 8;

    private readonly IbccOptions _options;

    /// <summary>Creates the method.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public Ibcc(IbccOptions? options = null)
    {
        _options = options ?? new IbccOptions();
        _options.Validate();
    }

    /// <inheritdoc />
    public string Name => "ibcc";

    /// <inheritdoc />
    public TruthResult Infer(AnswerSet answers, GoldLabels? gold = null) => Infer(answers, gold, null);

    /// <summary>
    /// Infers truth starting from given task posteriors instead of majority-vote shares: a warm start, for
    /// re-inferring after a small change to the answers (such as leaving out flagged ones), which then takes a
    /// few iterations instead of a full fit.
    /// </summary>
    /// <param name="answers">The answers.</param>
    /// <param name="gold">Gold labels, clamped; may be null.</param>
    /// <param name="start">Task-major posteriors (tasks × classes) to start from; majority-vote shares when null.</param>
    /// <returns>The inferred truth.</returns>
    /// <exception cref="ArgumentException"><paramref name="start"/> does not have one row per task.</exception>
    public TruthResult Infer(AnswerSet answers, GoldLabels? gold, double[]? start)
    {
        var fit = Fit(answers, gold, start);
        var workers = WorkerEstimates.Build(answers, fit.Posterior, PosteriorMeanConfusion(fit.Counts, answers.ClassCount));
        return new TruthResult(Name, answers, fit.Posterior, fit.Prior, workers, fit.Iterations, fit.Converged);
    }

    /// <summary>
    /// The variational fit behind <see cref="Infer(AnswerSet, GoldLabels?, double[])"/>, without the worker
    /// estimates: for a caller that measures the workers on other answers than those fitted.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="start"/> does not have one row per task.</exception>
    internal IbccFit Fit(AnswerSet answers, GoldLabels? gold, double[]? start)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var k = answers.ClassCount;
        var posterior = new double[answers.TaskCount * k];
        if (start is null)
        {
            Posteriors.VoteShares(answers, posterior);
        }
        else if (start.Length == posterior.Length)
        {
            start.CopyTo(posterior, 0);
        }
        else
        {
            throw new ArgumentException($"The start has {start.Length} values; {answers.TaskCount} tasks × {k} classes need {posterior.Length}.", nameof(start));
        }

        Posteriors.ClampGold(gold, posterior, k);

        var sweep = new TaskSweep(answers, gold, posterior, 1);
        sweep.Accumulate();
        var logLikelihood = new double[sweep.Counts.Length];
        var logPrior = new double[k];
        var rowDivergence = new double[answers.WorkerCount * k];

        var bound = double.NegativeInfinity;
        var iterations = 0;
        var converged = false;
        while (iterations < _options.MaxIterations)
        {
            iterations++;
            var divergence = MaximisationStep(sweep.Counts, sweep.GroupCounts, k, logLikelihood, logPrior, rowDivergence);
            var next = sweep.ExpectationStep(logLikelihood, logPrior) - divergence;

            // Each step can only raise the bound; a rise below the tolerance (or rounding noise) ends the fit,
            // and so does a bound that is not a number (no classes).
            if (!(next - bound > _options.Tolerance * Math.Abs(next)))
            {
                converged = true;
                break;
            }

            bound = next;
        }

        var prior = new double[k];
        var total = sweep.GroupCounts.Sum() + (k * _options.ClassPseudoCount);
        for (var c = 0; c < k; c++)
        {
            prior[c] = (sweep.GroupCounts[c] + _options.ClassPseudoCount) / total;
        }

        return new IbccFit(posterior, prior, sweep.Counts, iterations, converged);
    }

    /// <summary>
    /// The variational M-step. Each confusion row and the class proportions get the Dirichlet posterior
    /// α = α₀ + expected counts; writes the expected logs the E-step needs, E[ln π] = ψ(α) − ψ(Σα) laid out
    /// as <see cref="TaskSweep.Counts"/>, and E[ln κ]. Returns the summed KL divergence of these Dirichlets
    /// from their priors, the part of the lower bound that the E-step does not see.
    /// </summary>
    /// <remarks>
    /// The rows are independent: they run side by side in a fixed number of blocks of workers, each row's
    /// divergence kept apart and the divergences then summed in row order, so the sum is the same on any
    /// machine and with any schedule.
    /// </remarks>
    private double MaximisationStep(double[] counts, ReadOnlySpan<double> classCounts, int k, double[] logLikelihood, Span<double> logPrior, double[] rowDivergence)
    {
        // Every row's prior is the same up to the place of its diagonal, so it has the same normaliser.
        var priorLogBeta = SpecialFunctions.LogGamma(_options.CorrectPseudoCount)
            + ((k - 1) * SpecialFunctions.LogGamma(_options.ErrorPseudoCount))
            - SpecialFunctions.LogGamma(_options.CorrectPseudoCount + ((k - 1) * _options.ErrorPseudoCount));
        var workers = k == 0 ? 0 : counts.Length / (k * k);
        var blocks = Math.Clamp(workers / MinWorkersPerBlock, 1, MaxBlocks);
        if (blocks == 1)
        {
            RowsOf(counts, k, priorLogBeta, 0, workers, logLikelihood, rowDivergence);
        }
        else
        {
            Parallel.For(0, blocks, b => RowsOf(counts, k, priorLogBeta, (int)((long)workers * b / blocks), (int)((long)workers * (b + 1) / blocks), logLikelihood, rowDivergence));
        }

        var divergence = 0.0;
        foreach (var row in rowDivergence)
        {
            divergence += row;
        }

        Span<double> classPrior = stackalloc double[k];
        classPrior.Fill(_options.ClassPseudoCount);
        return divergence + Dirichlet.ExpectedLogs(classCounts, classPrior, Dirichlet.LogBeta(classPrior), logPrior);
    }

    /// <summary>The M-step for the confusion rows of workers <paramref name="from"/> to <paramref name="to"/> − 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RowsOf(ReadOnlySpan<double> counts, int k, double priorLogBeta, int from, int to, Span<double> logLikelihood, Span<double> rowDivergence)
    {
        Span<double> rowCounts = stackalloc double[k];
        Span<double> rowPrior = stackalloc double[k];
        Span<double> logs = stackalloc double[k];
        for (var w = from; w < to; w++)
        {
            var worker = w * k * k;
            for (var truth = 0; truth < k; truth++)
            {
                rowPrior.Fill(_options.ErrorPseudoCount);
                rowPrior[truth] = _options.CorrectPseudoCount;
                for (var observed = 0; observed < k; observed++)
                {
                    rowCounts[observed] = counts[worker + (observed * k) + truth];
                }

                rowDivergence[(w * k) + truth] = Dirichlet.ExpectedLogs(rowCounts, rowPrior, priorLogBeta, logs);
                for (var observed = 0; observed < k; observed++)
                {
                    logLikelihood[worker + (observed * k) + truth] = logs[observed];
                }
            }
        }
    }

    private double[] PosteriorMeanConfusion(ReadOnlySpan<double> counts, int k)
    {
        // Back to the public layout, worker-major [worker, truth, observed].
        var confusion = new double[counts.Length];
        for (var row = 0; row < counts.Length; row += k * k)
        {
            for (var truth = 0; truth < k; truth++)
            {
                var cells = confusion.AsSpan(row + (truth * k), k);
                var sum = 0.0;
                for (var observed = 0; observed < k; observed++)
                {
                    cells[observed] = counts[row + (observed * k) + truth] + (observed == truth ? _options.CorrectPseudoCount : _options.ErrorPseudoCount);
                    sum += cells[observed];
                }

                for (var observed = 0; observed < k; observed++)
                {
                    cells[observed] /= sum;
                }
            }
        }

        return confusion;
    }
}
