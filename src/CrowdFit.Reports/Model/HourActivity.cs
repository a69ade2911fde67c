namespace CrowdFit.Reports;

/// <summary>Answers in one hour of the day (UTC).</summary>
/// <param name="Hour">Hour of the day, 0 to 23.</param>
/// <param name="Honest">Answers by workers who are not flagged.</param>
/// <param name="Flagged">Answers by flagged workers.</param>
public sealed record HourActivity(int Hour, int Honest, int Flagged);
