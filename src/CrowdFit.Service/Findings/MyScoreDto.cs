namespace CrowdFit.Service.Findings;

/// <summary>The calling worker's standing in one project, as the last re-estimation of its models sees it.</summary>
/// <param name="Worker">The worker.</param>
/// <param name="Project">Project id.</param>
/// <param name="ModelVersion">The re-estimation the accuracy and flag come from; 0 before the first.</param>
/// <param name="TaskType">The task type the accuracy is predicted for ("" for the project's default type).</param>
/// <param name="Answers">Answers the worker sent to the project.</param>
/// <param name="Rejections">Of them, answers that were not counted.</param>
/// <param name="AnswersJudged">Answers the last re-estimation judged the worker on (answers on finished tasks, flagged ones left out).</param>
/// <param name="Accuracy">Predicted accuracy on the task type.</param>
/// <param name="AccuracyLow">Lower end of its 95 % credible interval.</param>
/// <param name="AccuracyHigh">Upper end of its 95 % credible interval.</param>
/// <param name="Flagged">Whether the worker is flagged: their answers are not counted until an analyst clears the flag or a later estimate lifts it.</param>
/// <param name="FlagReason">Why, with other workers' ids replaced by "another account"; null when not flagged.</param>
/// <param name="Suspended">Whether the worker is suspended in the project (an analyst confirmed a case about them as fraud): their answers are rejected and they get no task until the suspension is lifted.</param>
public sealed record MyScoreDto(
    string Worker, string Project, int ModelVersion, string TaskType, long Answers, long Rejections, int AnswersJudged,
    double Accuracy, double AccuracyLow, double AccuracyHigh, bool Flagged, string? FlagReason, bool Suspended);
