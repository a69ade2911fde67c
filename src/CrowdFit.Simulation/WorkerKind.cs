namespace CrowdFit.Simulation;

/// <summary>How a simulated worker answers.</summary>
public enum WorkerKind
{
    /// <summary>Answers the true class with the worker's accuracy and otherwise confuses it with other classes.</summary>
    Honest,

    /// <summary>Answers every task with a class drawn uniformly at random, ignoring the task.</summary>
    UniformSpammer,

    /// <summary>Answers every task with the same class.</summary>
    ConstantSpammer,
}
