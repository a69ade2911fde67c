namespace CrowdFit.Simulation;

/// <summary>What <see cref="DawidSkeneCrowd.WriteTo"/> wrote: the four files, their sizes and the workers.</summary>
public sealed record SimulatedCrowdFiles
{
    internal SimulatedCrowdFiles(string directory, long answerCount, int taskCount, int goldCount, long bytes, IReadOnlyList<SimulatedWorker> workers)
    {
        Directory = directory;
        AnswerCount = answerCount;
        TaskCount = taskCount;
        GoldCount = goldCount;
        Bytes = bytes;
        Workers = workers;
    }

    /// <summary>Full path of the directory holding the files.</summary>
    public string Directory { get; }

    /// <summary>Path of <c>answers.csv</c>: <c>task,worker,label</c>, rows grouped by task.</summary>
    public string AnswersPath => Path.Combine(Directory, DawidSkeneCrowd.AnswersFileName);

    /// <summary>Path of <c>truth.csv</c>: <c>task,label</c> with the true class of every task.</summary>
    public string TruthPath => Path.Combine(Directory, DawidSkeneCrowd.TruthFileName);

    /// <summary>Path of <c>gold.csv</c>: <c>task,label</c> for the gold sample only.</summary>
    public string GoldPath => Path.Combine(Directory, DawidSkeneCrowd.GoldFileName);

    /// <summary>Path of <c>workers.csv</c>: <c>worker,kind,accuracy</c>.</summary>
    public string WorkersPath => Path.Combine(Directory, DawidSkeneCrowd.WorkersFileName);

    /// <summary>Number of answer rows written (header excluded).</summary>
    public long AnswerCount { get; }

    /// <summary>Number of tasks, each with one row in <c>truth.csv</c>.</summary>
    public int TaskCount { get; }

    /// <summary>Number of rows in <c>gold.csv</c> (header excluded).</summary>
    public int GoldCount { get; }

    /// <summary>Total size of the four files in bytes.</summary>
    public long Bytes { get; }

    /// <summary>The workers, by index, as written to <c>workers.csv</c>.</summary>
    public IReadOnlyList<SimulatedWorker> Workers { get; }
}
