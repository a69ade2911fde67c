using System.Globalization;
using CrowdFit.Service.Projects;
using CrowdFit.Workforce;

namespace CrowdFit.Service.Workforce;

/// <summary>Runs the engine's <see cref="EffectivePay"/> over a project's stored answers and its reward.</summary>
internal static class PayAnalysis
{
    /// <summary>The engine's report (null when pay is not set) and its JSON form.</summary>
    public static (PayReport? Report, PayReportDto Dto) Run(ProjectHost host, ProjectLog log)
    {
        var answers = log.Answers.Count;
        var unknown = log.UnknownTime;
        var timing = Timing(answers, unknown);
        if (host.Pay is not { Reward: { } reward } pay)
        {
            return (null, new PayReportDto(
                host.Id, "the project was created without pay (pay.reward), so what its answers paid is unknown", null, "", PayOptions.Default.Floor,
                answers, answers - unknown, unknown, timing, 0, 0, null, 0, 0, [], [], []));
        }

        var options = PayOptions.Default with { Floor = pay.FloorPerHour ?? ProjectPay.DefaultFloor, Currency = pay.Currency ?? ProjectPay.DefaultCurrency };
        var report = EffectivePay.Analyze(log.Answers, log.Context, options);
        var paid = reward * answers;
        if (!report.Ran)
        {
            return (report, new PayReportDto(
                host.Id, report.SkippedBecause, reward, options.Currency, options.Floor, answers, answers - unknown, unknown, timing, paid, 0, null, 0, 0, [], [], []));
        }

        var timedPaid = report.Workers.Sum(w => w.TimedPaid);
        var types = report.TaskTypes.OrderByDescending(t => t.Hours).ThenBy(t => t.Name, StringComparer.Ordinal).Select(t => new TaskTypePayDto(
            t.Name, t.Workers, t.Answers, t.Hours, Finite(t.HourlyPay), Finite(t.MedianHourlyPay), Finite(t.P10HourlyPay), Finite(t.ShareOfHoursBelowFloor), t.MedianBelowFloor));
        var workers = report.Workers
            .OrderBy(w => double.IsNaN(w.HourlyPay) ? 1 : 0).ThenBy(w => double.IsNaN(w.HourlyPay) ? 0 : w.HourlyPay).ThenBy(w => w.WorkerId, StringComparer.Ordinal)
            .Select(w => new WorkerPayDto(w.WorkerId, w.Answers, w.UnknownTimeAnswers, w.Paid, w.Hours, Finite(w.HourlyPay), w.BelowFloor, w.Shortfall));
        return (report, new PayReportDto(
            host.Id, null, reward, options.Currency, options.Floor, answers, answers - unknown, unknown, timing, report.Paid, report.Hours,
            report.Hours > 0 ? timedPaid / report.Hours : null, report.Workers.Count(w => w.Hours > 0), report.Workers.Count(w => w.BelowFloor),
            [.. types], [.. workers], report.Flags));
    }

    /// <summary>A number for JSON: null instead of NaN or an infinity.</summary>
    public static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private static string Timing(int answers, int unknown) => (answers, unknown) switch
    {
        (0, _) => "No answers yet.",
        (_, 0) => string.Create(CultureInfo.InvariantCulture, $"All {answers} answers have a start before their submit."),
        _ => string.Create(
            CultureInfo.InvariantCulture,
            $"{unknown} of {answers} answers have no usable start (none sent as startedAt, no hand-out by assignments/next, or a start not before the submit); they count as paid but stay out of the hourly rates rather than being guessed."),
    };
}
