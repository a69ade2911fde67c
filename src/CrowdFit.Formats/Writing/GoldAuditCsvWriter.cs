using CrowdFit.Answers;
using CrowdFit.Formats.Csv;
using CrowdFit.Truth;

namespace CrowdFit.Formats;

/// <summary>Writes a gold audit (<c>gold_audit.csv</c>), most suspect item first, in the format of <see cref="ResultCsvWriter"/>.</summary>
public static class GoldAuditCsvWriter
{
    /// <summary>Name of the file.</summary>
    public const string FileName = "gold_audit.csv";

    /// <summary>
    /// Writes <c>task,gold,answers,pass_rate,gold_posterior,crowd_label,crowd_confidence,suspect</c>: each gold
    /// task with the crowd's posterior of its gold label and the crowd's own leading label.
    /// </summary>
    /// <param name="answers">The answer set the audit was made on (for task ids and label names).</param>
    /// <param name="items">The audit.</param>
    /// <param name="destination">The stream to write to (not closed).</param>
    public static void Write(AnswerSet answers, IReadOnlyList<GoldItem> items, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(destination);
        using var csv = new Utf8CsvWriter(destination);
        foreach (var name in (string[])["task", "gold", "answers", "pass_rate", "gold_posterior", "crowd_label", "crowd_confidence", "suspect"])
        {
            csv.Field(name);
        }

        csv.EndRow();
        foreach (var item in items)
        {
            csv.Field(answers.TaskIds[item.Task]);
            csv.Field(answers.Labels[item.GoldLabel]);
            csv.Field(item.Answers);
            csv.Field(item.PassRate);
            csv.Field(item.GoldPosterior);
            csv.Field(answers.Labels[item.CrowdLabel]);
            csv.Field(item.CrowdConfidence);
            csv.Field(item.Suspect ? "yes" : "no");
            csv.EndRow();
        }
    }
}
