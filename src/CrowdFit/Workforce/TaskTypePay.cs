namespace CrowdFit.Workforce;

/// <summary>How one task type pays the workers who do it (SPEC G1).</summary>
/// <remarks>
/// The quantiles run over the (worker, type) rates weighted by their hours: the q-quantile is the lowest
/// rate at which at least a share q of the type's hours is paid that rate or less, so a worker who spent
/// ten hours on the type counts ten times as much as one who spent one. All are <see cref="double.NaN"/>
/// when no hour of the type is known.
/// </remarks>
/// <param name="TaskType">Index of the type in <see cref="PayReport.TaskTypes"/>.</param>
/// <param name="Name">Name of the type (<see cref="EffectivePay.NoTypeName"/> for answers without one).</param>
/// <param name="Workers">Workers with at least one answer of the type.</param>
/// <param name="Answers">Answers of the type.</param>
/// <param name="Paid">Sum of the known rewards of the type's answers.</param>
/// <param name="Hours">Hours in the rates of the type's workers.</param>
/// <param name="HourlyPay">The type's pay per hour over all its workers: their timed pay over their hours.</param>
/// <param name="MedianHourlyPay">Hours-weighted median of the workers' hourly pay on the type.</param>
/// <param name="P10HourlyPay">Hours-weighted 10th percentile of the workers' hourly pay on the type.</param>
/// <param name="ShareOfHoursBelowFloor">Share of the type's hours worked at a rate under the floor (NaN when no hours).</param>
/// <param name="MedianBelowFloor">Whether <see cref="MedianHourlyPay"/> is under the floor.</param>
/// <param name="Flag">A sentence saying the type pays under the floor, when <see cref="MedianBelowFloor"/>; else <see langword="null"/>.</param>
public sealed record TaskTypePay(
    int TaskType,
    string Name,
    int Workers,
    int Answers,
    double Paid,
    double Hours,
    double HourlyPay,
    double MedianHourlyPay,
    double P10HourlyPay,
    double ShareOfHoursBelowFloor,
    bool MedianBelowFloor,
    string? Flag);
