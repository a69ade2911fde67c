namespace CrowdFit.Routing;

/// <summary>A worker's predicted accuracy on one task type, with its credible interval and the evidence behind it.</summary>
/// <param name="Mean">Posterior mean of the probability that the worker's next answer on the type is right, in (0, 1).</param>
/// <param name="Low">Lower end of the central credible interval (95 % by default, <see cref="SkillModelOptions.IntervalMass"/>).</param>
/// <param name="High">Upper end of the central credible interval.</param>
/// <param name="Evidence">Effective answers seen from the worker on the type (the sum of their weights); 0 for a worker never seen there.</param>
public readonly record struct SkillEstimate(double Mean, double Low, double High, double Evidence);
