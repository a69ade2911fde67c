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

        var bound = double.NegativeInfinity;
        var iterations = 0;
        var converged = false;
        while (iterations < _options.MaxIterations)
        {
            iterations++;
            var divergence = MaximisationStep(sweep.Counts, sweep.GroupCounts, k, logLikelihood, logPrior);
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

        var confusion = PosteriorMeanConfusion(sweep.Counts, k);
        var prior = new double[k];
        var total = sweep.GroupCounts.Sum() + (k * _options.ClassPseudoCount);
        for (var c = 0; c < k; c++)
        {
            prior[c] = (sweep.GroupCounts[c] + _options.ClassPseudoCount) / total;
        }

        var workers = WorkerEstimates.Build(answers, posterior, confusion);
        return new TruthResult(Name, answers, posterior, prior, workers, iterations, converged);
    }

    /// <summary>
    /// The variational M-step. Each confusion row and the class proportions get the Dirichlet posterior
    /// α = α₀ + expected counts; writes the expected logs the E-step needs, E[ln π] = ψ(α) − ψ(Σα) laid out
    /// as <see cref="TaskSweep.Counts"/>, and E[ln κ]. Returns the summed KL divergence of these Dirichlets
    /// from their priors, the part of the lower bound that the E-step does not see.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double MaximisationStep(ReadOnlySpan<double> counts, ReadOnlySpan<double> classCounts, int k, Span<double> logLikelihood, Span<double> logPrior)
    {
        Span<double> rowCounts = stackalloc double[k];
        Span<double> rowPrior = stackalloc double[k];
        Span<double> logs = stackalloc double[k];

        // Every row's prior is the same up to the place of its diagonal, so it has the same normaliser.
        var priorLogBeta = SpecialFunctions.LogGamma(_options.CorrectPseudoCount)
            + ((k - 1) * SpecialFunctions.LogGamma(_options.ErrorPseudoCount))
            - SpecialFunctions.LogGamma(_options.CorrectPseudoCount + ((k - 1) * _options.ErrorPseudoCount));
        var divergence = 0.0;
        for (var worker = 0; worker < counts.Length; worker += k * k)
        {
            for (var truth = 0; truth < k; truth++)
            {
                rowPrior.Fill(_options.ErrorPseudoCount);
                rowPrior[truth] = _options.CorrectPseudoCount;
                for (var observed = 0; observed < k; observed++)
                {
                    rowCounts[observed] = counts[worker + (observed * k) + truth];
                }

                divergence += Dirichlet.ExpectedLogs(rowCounts, rowPrior, priorLogBeta, logs);
                for (var observed = 0; observed < k; observed++)
                {
                    logLikelihood[worker + (observed * k) + truth] = logs[observed];
                }
            }
        }

        rowPrior.Fill(_options.ClassPseudoCount);
        return divergence + Dirichlet.ExpectedLogs(classCounts, rowPrior, Dirichlet.LogBeta(rowPrior), logPrior);
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
