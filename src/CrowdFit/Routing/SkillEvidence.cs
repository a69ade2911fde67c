namespace CrowdFit.Routing;

/// <summary>
/// The evidence about workers' accuracy that <see cref="SkillModel.Fit"/> learns from: per worker and task type,
/// the weighted number of answers seen and the weighted number of them that were right.
/// </summary>
/// <remarks>
/// Only the two sums per (worker, task type) are kept, in flat arrays, so adding an answer costs two additions
/// and memory does not grow with the number of answers. Not thread-safe.
/// </remarks>
public sealed class SkillEvidence
{
    private readonly double[] _weight;
    private readonly double[] _correct;

    /// <summary>Creates empty evidence for workers 0..<paramref name="workers"/>−1 on task types 0..<paramref name="taskTypes"/>−1.</summary>
    /// <param name="workers">Number of workers; zero or more.</param>
    /// <param name="taskTypes">Number of task types; at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range, or their product overflows.</exception>
    public SkillEvidence(int workers, int taskTypes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workers);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(taskTypes);
        if ((long)workers * taskTypes > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(workers), workers, $"{workers} workers × {taskTypes} task types exceeds the largest array ({Array.MaxLength}).");
        }

        WorkerCount = workers;
        TaskTypeCount = taskTypes;
        _weight = new double[workers * taskTypes];
        _correct = new double[workers * taskTypes];
    }

    /// <summary>Number of workers.</summary>
    public int WorkerCount { get; }

    /// <summary>Number of task types.</summary>
    public int TaskTypeCount { get; }

    /// <summary>Weighted answers per (worker, task type), indexed worker × <see cref="TaskTypeCount"/> + type.</summary>
    internal ReadOnlySpan<double> Weights => _weight;

    /// <summary>Weighted right answers per (worker, task type), indexed like <see cref="Weights"/>.</summary>
    internal ReadOnlySpan<double> Correct => _correct;

    /// <summary>Records one answer.</summary>
    /// <param name="worker">The worker, in [0, <see cref="WorkerCount"/>).</param>
    /// <param name="taskType">The task type, in [0, <see cref="TaskTypeCount"/>).</param>
    /// <param name="correct">
    /// The probability that the answer was right, in [0, 1]: 1 or 0 for gold, control and benchmark answers, the
    /// truth posterior's probability of the worker's label for ordinary answers.
    /// </param>
    /// <param name="weight">How many answers this one counts as; zero or more and finite (default 1). Gold may count more.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range or NaN.</exception>
    public void Add(int worker, int taskType, double correct, double weight = 1)
    {
        var cell = Cell(worker, taskType);
        if (!(correct >= 0 && correct <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(correct), correct, $"The probability an answer was right must be in [0, 1]; got {correct}.");
        }

        if (!(weight >= 0 && double.IsFinite(weight)))
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, $"An answer's weight must be zero or positive and finite; got {weight}.");
        }

        _weight[cell] += weight;
        _correct[cell] += weight * correct;
    }

    /// <summary>The weighted number of answers seen from <paramref name="worker"/> on <paramref name="taskType"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    public double Answers(int worker, int taskType) => _weight[Cell(worker, taskType)];

    /// <summary>The weighted number of those answers that were right (a sum of probabilities).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    public double RightAnswers(int worker, int taskType) => _correct[Cell(worker, taskType)];

    private int Cell(int worker, int taskType)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(worker);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(worker, WorkerCount);
        ArgumentOutOfRangeException.ThrowIfNegative(taskType);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(taskType, TaskTypeCount);
        return (worker * TaskTypeCount) + taskType;
    }
}
