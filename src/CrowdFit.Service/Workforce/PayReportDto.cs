namespace CrowdFit.Service.Workforce;

/// <summary>Effective hourly pay in a project against its floor (SPEC G1), from the stored answers' start and submit times.</summary>
/// <param name="Project">Project id.</param>
/// <param name="SkippedBecause">Why pay was not measured (no pay set, no answer with a known time); null when it was.</param>
/// <param name="Reward">Reward per answer; null when the project sets no pay.</param>
/// <param name="Currency">Currency of the reward and the floor; empty without pay.</param>
/// <param name="Floor">Hourly floor the rates are held against.</param>
/// <param name="Answers">Answers stored.</param>
/// <param name="TimedAnswers">Answers with a start before their submit: the only ones in the rates.</param>
/// <param name="UnknownTimeAnswers">Answers whose start is unknown (no <c>startedAt</c>, no hand-out) or not before their submit; paid, but left out of the rates rather than guessed.</param>
/// <param name="Timing">One sentence on how many answers have no usable time.</param>
/// <param name="Paid">Rewards of all answers.</param>
/// <param name="Hours">Hours of work in the rates (a worker's overlapping claims counted once, gaps up to 5 minutes counted as work).</param>
/// <param name="HourlyPay">Timed pay over those hours, over all workers; null without hours.</param>
/// <param name="WorkersWithRate">Workers with at least one timed answer.</param>
/// <param name="WorkersBelowFloor">Workers whose effective hourly pay is under the floor.</param>
/// <param name="TaskTypes">Per task type (tasks without one under "(no type)"), most hours first.</param>
/// <param name="Workers">Per worker, lowest effective hourly pay first; workers without a rate last, by id.</param>
/// <param name="Flags">Sentences naming the task types whose median hourly pay is under the floor.</param>
public sealed record PayReportDto(
    string Project, string? SkippedBecause, double? Reward, string Currency, double Floor, int Answers, int TimedAnswers, int UnknownTimeAnswers,
    string Timing, double Paid, double Hours, double? HourlyPay, int WorkersWithRate, int WorkersBelowFloor,
    IReadOnlyList<TaskTypePayDto> TaskTypes, IReadOnlyList<WorkerPayDto> Workers, IReadOnlyList<string> Flags);
