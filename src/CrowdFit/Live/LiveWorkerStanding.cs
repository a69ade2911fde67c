using CrowdFit.Routing;

namespace CrowdFit.Live;

/// <summary>What the last re-estimation of a <see cref="LiveProject"/> says about one worker.</summary>
/// <param name="Worker">Worker id.</param>
/// <param name="TaskType">The task type the skill is predicted for ("" for the project's default type).</param>
/// <param name="Skill">
/// Predicted accuracy on that type with its central credible interval (<see cref="SkillModelOptions.IntervalMass"/>);
/// the crowd's mean for a worker the model has not seen, and <see cref="SkillModelOptions.DefaultAccuracy"/> with the
/// interval [0, 1] before the first re-estimation or for a type it has not seen.
/// </param>
/// <param name="Risk">The detectors' fraud probability, in [0, 1]; 0 before the first re-estimation.</param>
/// <param name="FlagReason">Why the re-estimation flagged the worker (their answers are rejected), or null.</param>
/// <param name="AnswersSeen">The worker's answers the re-estimation counted.</param>
/// <param name="ModelVersion">The re-estimation this comes from (<see cref="LiveProject.ModelVersion"/>).</param>
public sealed record LiveWorkerStanding(string Worker, string TaskType, SkillEstimate Skill, double Risk, string? FlagReason, int AnswersSeen, int ModelVersion);
