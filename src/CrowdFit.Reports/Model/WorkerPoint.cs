namespace CrowdFit.Reports;

/// <summary>One worker's accuracy against speed.</summary>
/// <param name="Worker">Worker id.</param>
/// <param name="Answers">Answers the worker gave.</param>
/// <param name="Accuracy">Expected share of correct answers under the posterior, in [0, 1]; <see langword="null"/> when unknown.</param>
/// <param name="MedianSeconds">Median claimed seconds per answer (submit minus start); <see langword="null"/> when no answer has both times.</param>
/// <param name="Flagged">Whether the worker is flagged.</param>
public sealed record WorkerPoint(string Worker, int Answers, double? Accuracy, double? MedianSeconds, bool Flagged);
