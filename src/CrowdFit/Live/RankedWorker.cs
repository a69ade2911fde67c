namespace CrowdFit.Live;

/// <summary>One available worker's standing for one task (SPEC E3).</summary>
/// <param name="Worker">Worker id.</param>
/// <param name="Score">
/// How many fewer further answers the task is expected to need after this worker's answer, plus a hundredth
/// of the information (nats) it is expected to add about the label, times the likelihood they take
/// the task, times one minus their fraud probability; 0 when not eligible.
/// </param>
/// <param name="Accuracy">Predicted accuracy on the task's type.</param>
/// <param name="AccuracyLow">Lower end of its 95 % credible interval.</param>
/// <param name="AcceptRate">Likelihood the worker takes an offered task.</param>
/// <param name="Risk">Fraud probability from the detectors.</param>
/// <param name="Ineligible">Why the worker may not take the task, or null.</param>
public readonly record struct RankedWorker(string Worker, double Score, double Accuracy, double AccuracyLow, double AcceptRate, double Risk, string? Ineligible);
