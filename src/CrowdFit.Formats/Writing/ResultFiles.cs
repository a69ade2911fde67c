using CrowdFit.Truth;

namespace CrowdFit.Formats;

/// <summary>
/// Writes the files of an aggregation: <c>labels.csv</c>, <c>workers.csv</c> and, on request,
/// <c>answers.csv</c> and <c>gold_audit.csv</c>. All files land together or none does (see <see cref="AtomicFile.WriteAll"/>).
/// </summary>
public static class ResultFiles
{
    /// <summary>Name of the per-task file.</summary>
    public const string LabelsFileName = "labels.csv";

    /// <summary>Name of the per-worker file.</summary>
    public const string WorkersFileName = "workers.csv";

    /// <summary>Name of the per-answer file.</summary>
    public const string AnswersFileName = "answers.csv";

    /// <summary>Writes the result files into <paramref name="directory"/>, creating it when needed.</summary>
    /// <param name="directory">The output directory.</param>
    /// <param name="result">The inference result.</param>
    /// <param name="perAnswer">Whether to write <c>answers.csv</c> too.</param>
    /// <param name="goldAudit">When given, also written to <c>gold_audit.csv</c>.</param>
    /// <returns>The paths written.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="IOException">A file could not be written; no target file was replaced.</exception>
    public static IReadOnlyList<string> Write(string directory, TruthResult result, bool perAnswer = false, IReadOnlyList<GoldItem>? goldAudit = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(result);
        List<OutputFile> outputs =
        [
            new(Path.Combine(directory, LabelsFileName), stream => ResultCsvWriter.WriteLabels(result, stream)),
            new(Path.Combine(directory, WorkersFileName), stream => ResultCsvWriter.WriteWorkers(result, stream)),
        ];
        if (perAnswer)
        {
            outputs.Add(new(Path.Combine(directory, AnswersFileName), stream => ResultCsvWriter.WriteAnswers(result, stream)));
        }

        if (goldAudit is not null)
        {
            outputs.Add(new(Path.Combine(directory, GoldAuditCsvWriter.FileName), stream => GoldAuditCsvWriter.Write(result.Answers, goldAudit, stream)));
        }

        Directory.CreateDirectory(directory);
        AtomicFile.WriteAll([.. outputs]);
        return outputs.ConvertAll(output => output.Path);
    }
}
