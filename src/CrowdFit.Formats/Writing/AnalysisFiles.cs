using CrowdFit.Fraud;

namespace CrowdFit.Formats;

/// <summary>
/// Writes the files of a fraud analysis: <c>labels.csv</c> (as aggregate writes it, from the truth without
/// flagged answers), <c>workers.csv</c>, <c>flags.csv</c> and <c>rings.csv</c>. All land together or none does.
/// </summary>
public static class AnalysisFiles
{
    /// <summary>Name of the flagged-answers file.</summary>
    public const string FlagsFileName = "flags.csv";

    /// <summary>Name of the rings file.</summary>
    public const string RingsFileName = "rings.csv";

    /// <summary>Writes the files into <paramref name="directory"/>, creating it when needed.</summary>
    /// <param name="directory">The output directory.</param>
    /// <param name="result">The analysis.</param>
    /// <param name="pay">An effective-pay report to write as <c>pay.csv</c> too, when it ran; may be null.</param>
    /// <param name="review">A review plan to write as <c>review.csv</c> too; may be null.</param>
    /// <returns>The paths written.</returns>
    /// <exception cref="IOException">A file could not be written; no target file was replaced.</exception>
    public static IReadOnlyList<string> Write(string directory, FraudAnalysisResult result, Workforce.PayReport? pay = null, Operations.ReviewPlanReport? review = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(result);
        List<OutputFile> outputs =
        [
            new(Path.Combine(directory, ResultFiles.LabelsFileName), stream => ResultCsvWriter.WriteLabels(result.Truth, stream)),
            new(Path.Combine(directory, ResultFiles.WorkersFileName), stream => FraudCsvWriter.WriteWorkers(result, stream)),
            new(Path.Combine(directory, FlagsFileName), stream => FraudCsvWriter.WriteFlags(result, stream)),
            new(Path.Combine(directory, RingsFileName), stream => FraudCsvWriter.WriteRings(result, stream)),
        ];
        if (pay is { Ran: true })
        {
            outputs.Add(new(Path.Combine(directory, PayCsvWriter.FileName), stream => PayCsvWriter.Write(pay, stream)));
        }

        if (review is not null)
        {
            outputs.Add(new(Path.Combine(directory, ReviewCsvWriter.FileName), stream => ReviewCsvWriter.Write(review, stream)));
        }

        Directory.CreateDirectory(directory);
        AtomicFile.WriteAll([.. outputs]);
        return [.. outputs.Select(output => output.Path)];
    }
}
