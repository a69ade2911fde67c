namespace CrowdFit.Simulation.Adversarial;

/// <summary>A kind of task in a simulated project.</summary>
/// <param name="Name">Value of the <c>task_type</c> column.</param>
/// <param name="MedianSeconds">Median time an honest worker of average speed spends on one task.</param>
/// <param name="Reward">Pay per answer, in the <c>reward</c> column.</param>
/// <param name="Difficulty">Subtracted from every honest worker's accuracy on this type (0 = as easy as the worker's base skill).</param>
public sealed record TaskTypeSpec(string Name, double MedianSeconds, double Reward, double Difficulty);
