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
/// Initialised from majority-vote shares; gold tasks are clamped throughout.
/// </remarks>
public sealed partial class Ibcc : ITruthMethod
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
    public TruthResult Infer(AnswerSet answers, GoldLabels? gold = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var k = answers.ClassCount;
        var posterior = new double[answers.TaskCount * k];
        Posteriors.VoteShares(answers, posterior);
        Posteriors.ClampGold(gold, posterior, k);

        var counts = new double[answers.WorkerCount * k * k];
        var classCounts = new double[k];
        Accumulate(answers, posterior, counts, classCounts);
        var logConfusion = new double[counts.Length];
        var logPrior = new double[k];

        var iterations = 0;
        var converged = false;
        while (iterations < _options.MaxIterations)
        {
            iterations++;
            ExpectedLogs(counts, classCounts, k, logConfusion, logPrior);
            var change = UpdateTasks(answers, gold, logConfusion, logPrior, posterior, counts, classCounts);
            if (change <= _options.Tolerance)
            {
                converged = true;
                break;
            }
        }

        var confusion = PosteriorMeanConfusion(counts, k);
        var prior = new double[k];
        var total = classCounts.Sum() + (k * _options.ClassPseudoCount);
        for (var c = 0; c < k; c++)
        {
            prior[c] = (classCounts[c] + _options.ClassPseudoCount) / total;
        }

        var workers = WorkerEstimates.Build(answers, posterior, confusion);
        return new TruthResult(Name, answers, posterior, prior, workers, iterations, converged);
    }

    /// <summary>Expected counts of (worker, true class, observed class) and of each class under the posterior.</summary>
    private static void Accumulate(AnswerSet answers, ReadOnlySpan<double> posterior, Span<double> counts, Span<double> classCounts)
    {
        var k = answers.ClassCount;
        counts.Clear();
        classCounts.Clear();
        var starts = answers.TaskStarts;
        var workers = answers.Workers;
        var labels = answers.AnswerLabels;
        for (var t = 0; t < answers.TaskCount; t++)
        {
            var row = posterior.Slice(t * k, k);
            for (var c = 0; c < k; c++)
            {
                classCounts[c] += row[c];
            }

            for (var a = starts[t]; a < starts[t + 1]; a++)
            {
                var cell = (workers[a] * k * k) + labels[a];
                for (var truth = 0; truth < k; truth++)
                {
                    counts[cell + (truth * k)] += row[truth];
                }
            }
        }
    }

    /// <summary>E[ln π] = ψ(α) − ψ(Σα) per confusion row and E[ln κ] for the class proportions.</summary>
    private void ExpectedLogs(ReadOnlySpan<double> counts, ReadOnlySpan<double> classCounts, int k, Span<double> logConfusion, Span<double> logPrior)
    {
        for (var r = 0; r < counts.Length; r += k)
        {
            var truth = (r / k) % k;
            var sum = 0.0;
            for (var l = 0; l < k; l++)
            {
                var alpha = counts[r + l] + (l == truth ? _options.CorrectPseudoCount : _options.ErrorPseudoCount);
                logConfusion[r + l] = SpecialFunctions.Digamma(alpha);
                sum += alpha;
            }

            var norm = SpecialFunctions.Digamma(sum);
            for (var l = 0; l < k; l++)
            {
                logConfusion[r + l] -= norm;
            }
        }

        var total = 0.0;
        for (var c = 0; c < k; c++)
        {
            var nu = classCounts[c] + _options.ClassPseudoCount;
            logPrior[c] = SpecialFunctions.Digamma(nu);
            total += nu;
        }

        var totalLog = SpecialFunctions.Digamma(total);
        for (var c = 0; c < k; c++)
        {
            logPrior[c] -= totalLog;
        }
    }

    /// <summary>
    /// Recomputes every task's posterior from the expected logs and, in the same pass, the expected counts
    /// for the next iteration. Returns the largest change of any posterior probability.
    /// </summary>
    private static double UpdateTasks(AnswerSet answers, GoldLabels? gold, ReadOnlySpan<double> logConfusion, ReadOnlySpan<double> logPrior, Span<double> posterior, Span<double> counts, Span<double> classCounts)
    {
        var k = answers.ClassCount;
        counts.Clear();
        classCounts.Clear();
        var starts = answers.TaskStarts;
        var workers = answers.Workers;
        var labels = answers.AnswerLabels;
        Span<double> next = stackalloc double[k];
        var maxChange = 0.0;
        for (var t = 0; t < answers.TaskCount; t++)
        {
            var row = posterior.Slice(t * k, k);
            if (gold is null || gold[t] == GoldLabels.None)
            {
                logPrior.CopyTo(next);
                for (var a = starts[t]; a < starts[t + 1]; a++)
                {
                    var cell = (workers[a] * k * k) + labels[a];
                    for (var truth = 0; truth < k; truth++)
                    {
                        next[truth] += logConfusion[cell + (truth * k)];
                    }
                }

                Posteriors.SoftMaxInPlace(next);
                for (var c = 0; c < k; c++)
                {
                    maxChange = Math.Max(maxChange, Math.Abs(next[c] - row[c]));
                }

                next.CopyTo(row);
            }

            for (var c = 0; c < k; c++)
            {
                classCounts[c] += row[c];
            }

            for (var a = starts[t]; a < starts[t + 1]; a++)
            {
                var cell = (workers[a] * k * k) + labels[a];
                for (var truth = 0; truth < k; truth++)
                {
                    counts[cell + (truth * k)] += row[truth];
                }
            }
        }

        return maxChange;
    }

    private double[] PosteriorMeanConfusion(ReadOnlySpan<double> counts, int k)
    {
        var confusion = new double[counts.Length];
        for (var r = 0; r < counts.Length; r += k)
        {
            var truth = (r / k) % k;
            var sum = 0.0;
            for (var l = 0; l < k; l++)
            {
                confusion[r + l] = counts[r + l] + (l == truth ? _options.CorrectPseudoCount : _options.ErrorPseudoCount);
                sum += confusion[r + l];
            }

            for (var l = 0; l < k; l++)
            {
                confusion[r + l] /= sum;
            }
        }

        return confusion;
    }
}
