using CrowdFit.Answers;

namespace CrowdFit.Truth;

/// <summary>The outcome of truth inference: a posterior over labels for every task and an estimate for every worker.</summary>
public sealed class TruthResult
{
    private readonly double[] _posterior;
    private readonly double[] _classPrior;
    private readonly WorkerEstimate[] _workers;

    /// <summary>Creates a result; takes ownership of the arrays.</summary>
    /// <param name="method">Name of the method that produced it.</param>
    /// <param name="answers">The answers inferred from.</param>
    /// <param name="posterior">Task-major posterior, <c>TaskCount × ClassCount</c>, each row summing to one.</param>
    /// <param name="classPrior">Estimated class proportions, <c>ClassCount</c> entries.</param>
    /// <param name="workers">One estimate per worker, indexed by worker.</param>
    /// <param name="iterations">Iterations run (0 for one-pass methods).</param>
    /// <param name="converged">Whether the stopping rule was met before the iteration limit.</param>
    public TruthResult(string method, AnswerSet answers, double[] posterior, double[] classPrior, WorkerEstimate[] workers, int iterations, bool converged)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(posterior);
        ArgumentNullException.ThrowIfNull(classPrior);
        ArgumentNullException.ThrowIfNull(workers);
        if (posterior.Length != answers.TaskCount * answers.ClassCount)
        {
            throw new ArgumentException($"Posterior has {posterior.Length} entries; expected {answers.TaskCount} tasks × {answers.ClassCount} classes.", nameof(posterior));
        }

        Method = method;
        Answers = answers;
        _posterior = posterior;
        _classPrior = classPrior;
        _workers = workers;
        Iterations = iterations;
        Converged = converged;
    }

    /// <summary>Name of the method that produced the result.</summary>
    public string Method { get; }

    /// <summary>The answers inferred from.</summary>
    public AnswerSet Answers { get; }

    /// <summary>Iterations run; 0 for one-pass methods.</summary>
    public int Iterations { get; }

    /// <summary>Whether the stopping rule was met before the iteration limit (always true for one-pass methods).</summary>
    public bool Converged { get; }

    /// <summary>Estimated class proportions.</summary>
    public ReadOnlySpan<double> ClassPrior => _classPrior;

    /// <summary>Estimates per worker, indexed by worker.</summary>
    public IReadOnlyList<WorkerEstimate> Workers => _workers;

    /// <summary>The whole task-major posterior (<c>TaskCount × ClassCount</c>).</summary>
    public ReadOnlySpan<double> Posteriors => _posterior;

    /// <summary>Posterior over classes of <paramref name="task"/>.</summary>
    public ReadOnlySpan<double> Posterior(int task) => _posterior.AsSpan(task * Answers.ClassCount, Answers.ClassCount);

    /// <summary>
    /// The most probable class of <paramref name="task"/>. Ties (equal probabilities) go to the lowest class
    /// index, that is the label first in ordinal string order.
    /// </summary>
    public int Label(int task) => ArgMax(Posterior(task));

    /// <summary>Posterior probability of the chosen label of <paramref name="task"/>.</summary>
    public double Confidence(int task) => Posterior(task)[Label(task)];

    /// <summary>Posterior probability that answer <paramref name="answer"/> (an answer position) is correct.</summary>
    public double AnswerCorrectProbability(int answer) =>
        _posterior[(Answers.Tasks[answer] * Answers.ClassCount) + Answers.AnswerLabels[answer]];

    /// <summary>Index of the largest value; the first one on ties.</summary>
    public static int ArgMax(ReadOnlySpan<double> values)
    {
        var best = 0;
        for (var k = 1; k < values.Length; k++)
        {
            if (values[k] > values[best])
            {
                best = k;
            }
        }

        return best;
    }
}
