namespace CrowdFit.Service.Workforce;

/// <summary>Answers, rejections and effective pay of one country cohort.</summary>
/// <param name="Name">Country code, or "(unknown)".</param>
/// <param name="Workers">Workers with answers.</param>
/// <param name="Answers">Their answers.</param>
/// <param name="RejectedAnswers">Those rejected.</param>
/// <param name="RejectedShare">Rejected over answers.</param>
/// <param name="WorkersWithRate">Workers with a known effective hourly pay; 0 when pay is not measured.</param>
/// <param name="MedianHourlyPay">Median of those workers' effective hourly pay; null when none has one.</param>
/// <param name="WorkersBelowFloor">Workers paid under the floor.</param>
public sealed record CohortSummaryDto(
    string Name, int Workers, int Answers, int RejectedAnswers, double RejectedShare, int WorkersWithRate, double? MedianHourlyPay, int WorkersBelowFloor);
