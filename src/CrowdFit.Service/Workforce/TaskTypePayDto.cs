namespace CrowdFit.Service.Workforce;

/// <summary>How one task type pays the workers who do it; quantiles are over workers' rates weighted by their hours.</summary>
/// <param name="Name">Task type, or "(no type)".</param>
/// <param name="Workers">Workers with answers of the type.</param>
/// <param name="Answers">Answers of the type.</param>
/// <param name="Hours">Hours in the rates.</param>
/// <param name="HourlyPay">Timed pay over hours; null without hours.</param>
/// <param name="MedianHourlyPay">Hours-weighted median of the workers' hourly pay on the type; null without hours.</param>
/// <param name="P10HourlyPay">Hours-weighted 10th percentile; null without hours.</param>
/// <param name="ShareOfHoursBelowFloor">Share of the type's hours paid under the floor; null without hours.</param>
/// <param name="MedianBelowFloor">Whether the median is under the floor.</param>
public sealed record TaskTypePayDto(
    string Name, int Workers, int Answers, double Hours, double? HourlyPay, double? MedianHourlyPay, double? P10HourlyPay, double? ShareOfHoursBelowFloor, bool MedianBelowFloor);
