using System.Runtime.CompilerServices;
using CrowdFit.Answers;

namespace CrowdFit.Truth;

/// <summary>
/// Enhanced Bayesian classifier combination (EBCC): IBCC in which the tasks of each true class fall into
/// latent subtypes and every worker has one confusion row per class and subtype, so that workers who err
/// alike on the same kind of task are modelled as correlated instead of as independent witnesses.
/// </summary>
/// <remarks>
/// Li, Y., Rubinstein, B. I. P. and Cohn, T. (2019), "Exploiting worker correlation for label aggregation
/// in crowdsourcing", ICML. Generative model: class proportions τ ~ Dir(α); per class c, subtype
/// proportions π_c ~ Dir(a/M); per worker, class and subtype, a confusion row v ~ Dir(β_c); a task draws
/// its class z from τ, its subtype g from π_z, and every answer from v_{worker, z, g}. Because answers are
/// independent only given the subtype, agreement on a wrong answer that recurs across a group of tasks is
/// absorbed by a subtype rather than read as independent evidence. Fitted by mean-field variational Bayes
/// with a joint factor q(z, g) per task, as in IBCC (Kim and Ghahramani 2012). Each fit starts from the
/// majority-vote shares split over subtypes at random; the fits run from <see cref="EbccOptions.Restarts"/>
/// seeds, and the one with the highest variational lower bound on the log evidence (Bishop 2006, §10.1)
/// is kept. Gold tasks are clamped to their class throughout; their subtype is inferred. The pass over the
/// tasks runs on several threads, one range of tasks each (<see cref="TaskRanges"/>); the ranges depend on
/// the data only, so the result is the same on any machine.
/// </remarks>
public sealed partial class Ebcc : ITruthMethod
{
    private readonly EbccOptions _options;

    /// <summary>Creates the method.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public Ebcc(EbccOptions? options = null)
    {
        _options = options ?? new EbccOptions();
        _options.Validate();
    }

    /// <inheritdoc />
    public string Name => "ebcc";

    /// <inheritdoc />
    public TruthResult Infer(AnswerSet answers, GoldLabels? gold = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var best = RunFit(answers, gold, null);
        for (var restart = 0; restart < _options.Restarts; restart++)
        {
            var fit = RunFit(answers, gold, unchecked(_options.Seed + restart));
            if (fit.Bound > best.Bound)
            {
                best = fit;
            }
        }

        return Result(answers, best);
    }

    /// <summary>One variational fit from one random start.</summary>
    private sealed record Fit(double[] Posterior, double[] Counts, double[] GroupCounts, double[] ConfusionPrior, double Bound, int Iterations, bool Converged);

    private Fit RunFit(AnswerSet answers, GoldLabels? gold, int? seed)
    {
        var k = answers.ClassCount;
        var m = _options.SubtypeCount;
        var posterior = StartingPosterior(answers, gold, m, seed);
        var sweep = new TaskSweep(answers, gold, posterior, m);
        sweep.Accumulate();
        var logLikelihood = new double[sweep.Counts.Length];
        var logPrior = new double[k * m];
        var confusionPrior = new double[k * k];
        for (var truth = 0; truth < k; truth++)
        {
            for (var observed = 0; observed < k; observed++)
            {
                confusionPrior[(truth * k) + observed] = truth == observed ? _options.CorrectPseudoCount : _options.ErrorPseudoCount;
            }
        }

        var bound = double.NegativeInfinity;
        var iterations = 0;
        var converged = false;
        while (iterations < _options.MaxIterations)
        {
            iterations++;
            var divergence = MaximisationStep(sweep.Counts, sweep.GroupCounts, confusionPrior, logLikelihood, logPrior);
            var next = sweep.ExpectationStep(logLikelihood, logPrior) - divergence;

            // Each step can only raise the bound; a rise below the tolerance (or rounding noise) ends the fit,
            // and so does a bound that is not a number (no classes).
            if (!(next - bound > _options.Tolerance * Math.Abs(next)))
            {
                bound = double.IsNaN(next) ? bound : Math.Max(bound, next);
                converged = true;
                break;
            }

            bound = next;
        }

        return new Fit(posterior, sweep.Counts, sweep.GroupCounts, confusionPrior, bound, iterations, converged);
    }

    /// <summary>
    /// Majority-vote shares, with gold clamped, each split over the subtypes by a Dirichlet(1, …, 1) draw:
    /// the random split is what lets the subtypes of a class become different.
    /// </summary>
    private static double[] StartingPosterior(AnswerSet answers, GoldLabels? gold, int subtypes, int? seed)
    {
        var k = answers.ClassCount;
        var shares = new double[answers.TaskCount * k];
        Posteriors.VoteShares(answers, shares);
        Posteriors.ClampGold(gold, shares, k);
        var posterior = new double[shares.Length * subtypes];
        if (seed is null)
        {
            for (var cell = 0; cell < shares.Length; cell++)
            {
                posterior[cell * subtypes] = shares[cell];
            }

            return posterior;
        }

        var random = new Random(seed.Value);
        for (var cell = 0; cell < shares.Length; cell++)
        {
            var split = posterior.AsSpan(cell * subtypes, subtypes);
            var sum = 0.0;
            for (var s = 0; s < subtypes; s++)
            {
                // −ln U is Exp(1); normalised exponentials are a Dirichlet(1, …, 1) draw.
                split[s] = -Math.Log(1 - random.NextDouble());
                sum += split[s];
            }

            var scale = shares[cell] / sum;
            for (var s = 0; s < subtypes; s++)
            {
                split[s] *= scale;
            }
        }

        return posterior;
    }

    /// <summary>
    /// The variational M-step. Every confusion row, every class's subtype proportions and the class
    /// proportions get the Dirichlet posterior α = α₀ + expected counts; writes E[ln v] laid out as
    /// <see cref="TaskSweep.Counts"/> and E[ln τ_c] + E[ln π_cm]. Returns the summed KL divergence of these
    /// Dirichlets from their priors, the part of the lower bound that the E-step does not see.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double MaximisationStep(double[] counts, ReadOnlySpan<double> groupCounts, double[] confusionPrior, double[] logLikelihood, Span<double> logPrior)
    {
        var k = groupCounts.Length / _options.SubtypeCount;
        var m = _options.SubtypeCount;
        var cells = k * m;

        // The confusion rows of one true class share their prior, so they share its normaliser.
        var rowLogBeta = new double[k];
        for (var truth = 0; truth < k; truth++)
        {
            rowLogBeta[truth] = Dirichlet.LogBeta(confusionPrior.AsSpan(truth * k, k));
        }

        var workers = counts.Length / (k * cells);
        var perWorker = new double[workers];
        Parallel.For(0, workers, worker =>
        {
            Span<double> rowCounts = stackalloc double[k];
            Span<double> logs = stackalloc double[k];
            var start = worker * k * cells;
            var divergence = 0.0;
            for (var truth = 0; truth < k; truth++)
            {
                var rowPrior = confusionPrior.AsSpan(truth * k, k);
                for (var s = 0; s < m; s++)
                {
                    var column = start + (truth * m) + s;
                    for (var observed = 0; observed < k; observed++)
                    {
                        rowCounts[observed] = counts[column + (observed * cells)];
                    }

                    divergence += Dirichlet.ExpectedLogs(rowCounts, rowPrior, rowLogBeta[truth], logs);
                    for (var observed = 0; observed < k; observed++)
                    {
                        logLikelihood[column + (observed * cells)] = logs[observed];
                    }
                }
            }

            perWorker[worker] = divergence;
        });

        var total = 0.0;
        foreach (var divergence in perWorker)
        {
            total += divergence;
        }

        // Subtype proportions within each class.
        Span<double> subtypePrior = stackalloc double[m];
        subtypePrior.Fill(_options.SubtypePseudoCount / m);
        var subtypeLogBeta = Dirichlet.LogBeta(subtypePrior);
        for (var truth = 0; truth < k; truth++)
        {
            total += Dirichlet.ExpectedLogs(groupCounts.Slice(truth * m, m), subtypePrior, subtypeLogBeta, logPrior.Slice(truth * m, m));
        }

        // Class proportions.
        Span<double> classCounts = stackalloc double[k];
        Span<double> classPrior = stackalloc double[k];
        Span<double> classLogs = stackalloc double[k];
        for (var truth = 0; truth < k; truth++)
        {
            classCounts[truth] = Sum(groupCounts.Slice(truth * m, m));
        }

        classPrior.Fill(_options.ClassPseudoCount);
        total += Dirichlet.ExpectedLogs(classCounts, classPrior, Dirichlet.LogBeta(classPrior), classLogs);
        for (var truth = 0; truth < k; truth++)
        {
            var logs = logPrior.Slice(truth * m, m);
            for (var s = 0; s < m; s++)
            {
                logs[s] += classLogs[truth];
            }
        }

        return total;
    }

    private static double Sum(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum;
    }
}
