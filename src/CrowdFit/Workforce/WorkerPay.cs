namespace CrowdFit.Workforce;

/// <summary>
/// Effective hourly pay of one worker, on one task type or over all of them (SPEC G1).
/// </summary>
/// <remarks>
/// Only answers with both timestamps, a positive claimed duration and a known reward enter the rate:
/// <see cref="HourlyPay"/> = <see cref="TimedPaid"/> / <see cref="Hours"/>. The others are counted in
/// <see cref="Answers"/> (and their known rewards in <see cref="Paid"/>) but left out of the rate, because
/// their time or pay is unknown; <see cref="UnknownTimeAnswers"/> and <see cref="UnknownRewardAnswers"/> say how
/// many. Hours over a worker's task types add up to the worker's overall hours.
/// </remarks>
/// <param name="Worker">Worker index in the answer set.</param>
/// <param name="WorkerId">Worker id.</param>
/// <param name="TaskType">Task type index in <see cref="PayReport.TaskTypes"/>; -1 for the worker's overall row.</param>
/// <param name="TaskTypeName">Task type name; <see langword="null"/> for the worker's overall row.</param>
/// <param name="Answers">All answers of the worker (on the type), timed or not.</param>
/// <param name="UnknownTimeAnswers">Answers without both timestamps, or whose submit is not after their start.</param>
/// <param name="UnknownRewardAnswers">Answers with a known time but no reward; their time is left out of <see cref="Hours"/>.</param>
/// <param name="Paid">Sum of the known rewards of all the answers.</param>
/// <param name="TimedPaid">Sum of the rewards of the answers in the rate.</param>
/// <param name="Hours">Hours of work attributed to the answers in the rate (overlaps counted once, short gaps included).</param>
/// <param name="HourlyPay">Effective pay per hour; <see cref="double.NaN"/> when <see cref="Hours"/> is zero.</param>
/// <param name="BelowFloor">Whether <see cref="HourlyPay"/> is under the floor (false when it is NaN).</param>
/// <param name="ShortfallPerHour">Floor minus <see cref="HourlyPay"/> when below the floor, else 0.</param>
/// <param name="Shortfall">Pay missing to bring <see cref="Hours"/> up to the floor: floor × hours − timed paid when positive, else 0.</param>
public sealed record WorkerPay(
    int Worker,
    string WorkerId,
    int TaskType,
    string? TaskTypeName,
    int Answers,
    int UnknownTimeAnswers,
    int UnknownRewardAnswers,
    double Paid,
    double TimedPaid,
    double Hours,
    double HourlyPay,
    bool BelowFloor,
    double ShortfallPerHour,
    double Shortfall);
