using System.Globalization;
using System.Text;

namespace CrowdFit.Simulation.RedTeam;

/// <summary>Renders red-team rows as a Markdown table (also readable as plain text).</summary>
public static class RedTeamTable
{
    /// <summary>The table: one line per scenario, kind and level.</summary>
    /// <param name="rows">The rows.</param>
    public static string Markdown(IEnumerable<RedTeamRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        text.AppendLine("| scenario | kind | level | bad | honest | precision | recall | FPR | F2 | AUPRC | answers to flag |");
        text.AppendLine("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            Line(text, row, "worker", row.Workers, row.MedianAnswersToFlag);
            Line(text, row, "answer", row.Answers, double.NaN);
        }

        return text.ToString();
    }

    private static void Line(StringBuilder text, RedTeamRow row, string level, DetectionScore score, double delay)
    {
        text.Append(CultureInfo.InvariantCulture, $"| {row.Scenario} | {row.Kind} | {level} | {score.Positives} | {score.Negatives} | ");
        text.Append(CultureInfo.InvariantCulture, $"{Number(score.Precision)} | {Number(score.Recall)} | {Number(score.FalsePositiveRate, "F4")} | {Number(score.F2)} | {Number(score.AveragePrecision)} | ");
        text.Append(double.IsNaN(delay) ? "" : double.IsPositiveInfinity(delay) ? "never" : delay.ToString("0.#", CultureInfo.InvariantCulture));
        text.AppendLine(" |");
    }

    private static string Number(double value, string format = "F3") => double.IsNaN(value) ? "–" : value.ToString(format, CultureInfo.InvariantCulture);
}
