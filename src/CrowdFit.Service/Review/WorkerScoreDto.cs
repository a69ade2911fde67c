namespace CrowdFit.Service.Review;

/// <summary>One worker's scorecard in a project.</summary>
/// <param name="Worker">Worker id.</param>
/// <param name="Answers">Answers received.</param>
/// <param name="Rejections">Answers rejected.</param>
/// <param name="Accuracy">Predicted accuracy (on the type of the project's first task), from the last re-estimation.</param>
/// <param name="AccuracyLow">Lower end of its 95 % credible interval.</param>
/// <param name="FraudProbability">The detectors' fraud probability (0 before the first re-estimation).</param>
/// <param name="Flagged">Whether the engine flagged the worker: their answers are rejected.</param>
/// <param name="FlagReason">Why, or null.</param>
/// <param name="OpenCases">Review cases about the worker still open.</param>
/// <param name="Suspended">Whether the worker is suspended (an analyst confirmed a case about them as fraud): their answers are rejected and they get no task.</param>
public sealed record WorkerScoreDto(
    string Worker, long Answers, long Rejections, double Accuracy, double AccuracyLow, double FraudProbability, bool Flagged, string? FlagReason, long OpenCases,
    bool Suspended);
