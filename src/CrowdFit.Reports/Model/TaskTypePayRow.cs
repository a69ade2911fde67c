namespace CrowdFit.Reports;

/// <summary>How one task type pays.</summary>
/// <param name="Name">Task type.</param>
/// <param name="Workers">Workers who did it.</param>
/// <param name="Answers">Its answers.</param>
/// <param name="Hours">Hours in the rates.</param>
/// <param name="HourlyPay">Timed pay over hours; <see langword="null"/> when no hour is known.</param>
/// <param name="MedianHourlyPay">Hours-weighted median of the workers' rates; <see langword="null"/> when no hour is known.</param>
/// <param name="P10HourlyPay">Hours-weighted 10th percentile; <see langword="null"/> when no hour is known.</param>
/// <param name="ShareOfHoursBelowFloor">Share of its hours paid under the floor; <see langword="null"/> when no hour is known.</param>
/// <param name="MedianBelowFloor">Whether the median is under the floor.</param>
public sealed record TaskTypePayRow(string Name, int Workers, int Answers, double Hours, double? HourlyPay, double? MedianHourlyPay, double? P10HourlyPay, double? ShareOfHoursBelowFloor, bool MedianBelowFloor);
