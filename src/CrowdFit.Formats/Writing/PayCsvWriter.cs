using CrowdFit.Formats.Csv;
using CrowdFit.Workforce;

namespace CrowdFit.Formats;

/// <summary>Writes an effective-pay report (<c>pay.csv</c>) in the format of <see cref="ResultCsvWriter"/>.</summary>
public static class PayCsvWriter
{
    /// <summary>Name of the file.</summary>
    public const string FileName = "pay.csv";

    /// <summary>
    /// Writes <c>worker,task_type,answers,paid,hours,hourly_pay,below_floor,shortfall</c>: one row per worker and
    /// task type, then one per worker over all types (task type empty); hours count overlapping claims once.
    /// </summary>
    /// <param name="report">The report.</param>
    /// <param name="destination">The stream to write to (not closed).</param>
    public static void Write(PayReport report, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(destination);
        using var csv = new Utf8CsvWriter(destination);
        foreach (var name in (string[])["worker", "task_type", "answers", "paid", "hours", "hourly_pay", "below_floor", "shortfall"])
        {
            csv.Field(name);
        }

        csv.EndRow();
        foreach (var row in report.Cells.Concat(report.Workers))
        {
            csv.Field(row.WorkerId);
            csv.Field(row.TaskTypeName ?? "");
            csv.Field(row.Answers);
            csv.Field(row.Paid);
            csv.Field(row.Hours);
            csv.Field(row.HourlyPay);
            csv.Field(row.BelowFloor ? "yes" : "no");
            csv.Field(row.Shortfall);
            csv.EndRow();
        }
    }
}
