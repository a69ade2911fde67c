using CrowdFit.Formats.Csv;
using CrowdFit.Operations;

namespace CrowdFit.Formats;

/// <summary>Writes a review plan (<c>review.csv</c>): every task's risk class, review method and whether it goes to review.</summary>
public static class ReviewCsvWriter
{
    /// <summary>Name of the file.</summary>
    public const string FileName = "review.csv";

    /// <summary>
    /// Writes <c>task,task_type,risk_class,method,selected,reason,confidence,answers</c>, one row per task in the
    /// plan's order.
    /// </summary>
    /// <param name="plan">The review plan.</param>
    /// <param name="destination">The stream to write to (not closed).</param>
    public static void Write(ReviewPlanReport plan, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(destination);
        using var csv = new Utf8CsvWriter(destination);
        foreach (var name in (string[])["task", "task_type", "risk_class", "method", "selected", "reason", "confidence", "answers"])
        {
            csv.Field(name);
        }

        csv.EndRow();
        foreach (var task in plan.Tasks)
        {
            csv.Field(task.Task);
            csv.Field(task.TaskType);
            csv.Field(RiskPolicy.Name(task.Class));
            csv.Field(MethodName(task.Method));
            csv.Field(task.Selected ? "yes" : "no");
            csv.Field(task.Text);
            csv.Field(task.Confidence);
            csv.Field(task.Answers);
            csv.EndRow();
        }
    }

    /// <summary>The method as written in the file: <c>spot-check</c>, <c>edge-case-review</c> or <c>expert-review</c>.</summary>
    /// <param name="method">A review method.</param>
    public static string MethodName(ReviewMethod method) => method switch
    {
        ReviewMethod.SpotCheck => "spot-check",
        ReviewMethod.EdgeCaseReview => "edge-case-review",
        _ => "expert-review",
    };
}
