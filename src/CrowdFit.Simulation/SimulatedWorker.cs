namespace CrowdFit.Simulation;

/// <summary>A simulated worker: its kind, its Dawid–Skene confusion matrix and how active it is.</summary>
public sealed record SimulatedWorker
{
    private readonly double[] _confusion;

    internal SimulatedWorker(int index, WorkerKind kind, double accuracy, double activity, double[] confusion, int classCount)
    {
        Index = index;
        Kind = kind;
        Accuracy = accuracy;
        Activity = activity;
        ClassCount = classCount;
        _confusion = confusion;
    }

    /// <summary>The worker's index, <c>0..Workers-1</c>.</summary>
    public int Index { get; }

    /// <summary>The worker's id in the written files: <c>w</c> followed by <see cref="Index"/>, as in <c>w45</c>.</summary>
    public string Id => DawidSkeneCrowd.WorkerId(Index);

    /// <summary>How the worker answers.</summary>
    public WorkerKind Kind { get; }

    /// <summary>
    /// Probability that an answer is correct when the true class follows the class balance:
    /// Σₖ πₖ·C[k, k]. For an honest worker this is its drawn diagonal accuracy; for a uniform spammer 1/K;
    /// for a constant spammer the class balance of its constant class.
    /// </summary>
    public double Accuracy { get; }

    /// <summary>Relative activity (log-normal, median 1): the worker is drawn for tasks in proportion to it.</summary>
    public double Activity { get; }

    /// <summary>Number of classes K, the order of the confusion matrix.</summary>
    public int ClassCount { get; }

    /// <summary>
    /// The K × K confusion matrix in row-major order: entry <c>k * K + j</c> is the probability of answering
    /// <c>j</c> when the true class is <c>k</c>. Each row sums to one.
    /// </summary>
    public ReadOnlyMemory<double> Confusion => _confusion;

    /// <summary>Probability of answering <paramref name="label"/> when the true class is <paramref name="trueClass"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A class is outside <c>0..K-1</c>.</exception>
    public double AnswerProbability(int trueClass, int label)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trueClass);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(trueClass, ClassCount);
        ArgumentOutOfRangeException.ThrowIfNegative(label);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(label, ClassCount);
        return _confusion[(trueClass * ClassCount) + label];
    }
}
