namespace CrowdFit.Reports;

/// <summary>The operations metrics of the whole log or of one scorecard group.</summary>
/// <param name="Name">The group ("all" for the whole log).</param>
/// <param name="Answers">Answers counted.</param>
/// <param name="Workers">Distinct workers.</param>
/// <param name="Tasks">Tasks counted.</param>
/// <param name="AgreementRate">Share of answers equal to the inferred label; <see langword="null"/> when undefined.</param>
/// <param name="GoldAnswers">Answers on gold tasks.</param>
/// <param name="GoldPassRate">Share of them giving the gold label; <see langword="null"/> when undefined.</param>
/// <param name="CorrectionRate">Share of tasks whose first answer was overturned; <see langword="null"/> when undefined.</param>
/// <param name="ReworkPer100">Answers beyond the first per 100 tasks; <see langword="null"/> when undefined.</param>
/// <param name="Flagged">Flagged answers.</param>
/// <param name="FlagRate">Share of answers flagged; <see langword="null"/> when undefined.</param>
public sealed record OperationsLine(string Name, int Answers, int Workers, int Tasks, double? AgreementRate, int GoldAnswers, double? GoldPassRate, double? CorrectionRate, double? ReworkPer100, int Flagged, double? FlagRate);
