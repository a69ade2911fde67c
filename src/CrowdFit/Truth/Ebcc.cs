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
/// with a joint factor q(z, g) per task, as in IBCC (Kim and Ghahramani 2012). The fit first runs with one
/// subtype per class, which is IBCC. A posterior-predictive check then compares how often pairs of workers on
/// the same task agree with how often that fit predicts (<see cref="EbccOptions.ExcessAgreementThreshold"/>);
/// with no excess agreement the one-subtype fit is the answer, since shared errors are what the subtypes are
/// for. Otherwise the fits run with all subtypes from the one-subtype solution and from
/// <see cref="EbccOptions.Restarts"/> seeded random splits of the majority-vote shares over subtypes, and the
/// one with the highest variational lower bound on the log evidence (Bishop 2006, §10.1) is kept. Gold tasks
/// are clamped to their class throughout; their subtype is inferred. The pass over the tasks runs on several
/// threads, one range of tasks each (<see cref="TaskRanges"/>); the ranges depend on the data only, so the
/// result is the same on any machine.
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
        var k = answers.ClassCount;
        var m = _options.SubtypeCount;
        var shares = new double[answers.TaskCount * k];
        Posteriors.VoteShares(answers, shares);
        Posteriors.ClampGold(gold, shares, k);

        // One subtype per class is IBCC. Subtypes exist to absorb errors that workers share, so they are fitted
        // only when the one-subtype fit under-predicts how often workers agree.
        var single = RunFit(answers, gold, SplitOverSubtypes(shares, 1, null), 1);
        if (m == 1 || !(ExcessAgreement(answers, single) > _options.ExcessAgreementThreshold))
        {
            return Result(answers, single);
        }

        // The one-subtype solution with the other subtypes empty: they keep almost no weight under the sparse
        // subtype prior, so this converges in a few iterations to the fit that starts from one subtype.
        var best = RunFit(answers, gold, SplitOverSubtypes(Marginal(single), m, null), m);
        best = best with { Iterations = best.Iterations + single.Iterations };
        for (var restart = 0; restart < _options.Restarts; restart++)
        {
            var fit = RunFit(answers, gold, SplitOverSubtypes(shares, m, unchecked(_options.Seed + restart)), m);
            if (fit.Bound > best.Bound)
            {
                best = fit;
            }
        }

        return Result(answers, best);
    }

    /// <summary>One variational fit from one start, with <paramref name="Subtypes"/> subtypes per class.</summary>
    private sealed record Fit(double[] Posterior, double[] Counts, double[] GroupCounts, double[] ConfusionPrior, int Subtypes, double Bound, int Iterations, bool Converged);

    private Fit RunFit(AnswerSet answers, GoldLabels? gold, double[] posterior, int m)
    {
        var k = answers.ClassCount;
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
            var divergence = MaximisationStep(sweep.Counts, sweep.GroupCounts, confusionPrior, m, logLikelihood, logPrior);
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

        return new Fit(posterior, sweep.Counts, sweep.GroupCounts, confusionPrior, m, bound, iterations, converged);
    }

    /// <summary>
    /// Class shares (majority-vote shares with gold clamped, or an earlier fit's posterior), each split over the
    /// subtypes: all into the first subtype when <paramref name="seed"/> is null, otherwise by a
    /// Dirichlet(1, …, 1) draw — the random split is what lets the subtypes of a class become different.
    /// </summary>
    private static double[] SplitOverSubtypes(double[] shares, int subtypes, int? seed)
    {
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
    private double MaximisationStep(double[] counts, ReadOnlySpan<double> groupCounts, double[] confusionPrior, int m, double[] logLikelihood, Span<double> logPrior)
    {
        var k = groupCounts.Length / m;
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
        subtypePrior.Fill(SubtypePseudoCount(m));
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

    /// <summary>
    /// Pseudo-count of each subtype's proportion: the total spread over the subtypes. With one subtype its
    /// proportion is 1 whatever the prior, so the fit is IBCC's.
    /// </summary>
    private double SubtypePseudoCount(int m) => _options.SubtypePseudoCount / m;

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
