namespace CrowdFit.Service.Workforce;

/// <summary>One worker's effective hourly pay over the project's task types.</summary>
/// <param name="Worker">Worker id.</param>
/// <param name="Answers">Answers, timed or not.</param>
/// <param name="UnknownTimeAnswers">Answers without a usable time (left out of the rate).</param>
/// <param name="Paid">Rewards of all the answers.</param>
/// <param name="Hours">Hours of work in the rate.</param>
/// <param name="HourlyPay">Effective pay per hour; null without timed answers.</param>
/// <param name="BelowFloor">Whether the hourly pay is under the floor.</param>
/// <param name="Shortfall">Pay missing to bring those hours up to the floor (0 when at or above it).</param>
public sealed record WorkerPayDto(string Worker, int Answers, int UnknownTimeAnswers, double Paid, double Hours, double? HourlyPay, bool BelowFloor, double Shortfall);
