using CrowdFit.Formats.Results;
using CrowdFit.Truth;

namespace CrowdFit.Formats;

/// <summary>
/// Writes the files of an aggregation: <c>labels.csv</c>, <c>workers.csv</c> and, on request,
/// <c>answers.csv</c>. All files land together or none does: each is written to a temporary file in the
/// target directory and moved into place only after every one was written completely.
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
    /// <returns>The paths written.</returns>
    /// <exception cref="IOException">A file could not be written; no target file was replaced.</exception>
    public static IReadOnlyList<string> Write(string directory, TruthResult result, bool perAnswer = false)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(result);
        var outputs = new List<(string Name, Action<Utf8RowWriter> Write)>
        {
            (LabelsFileName, w => ResultRows.Labels(w, result)),
            (WorkersFileName, w => ResultRows.Workers(w, result)),
        };
        if (perAnswer)
        {
            outputs.Add((AnswersFileName, w => ResultRows.Answers(w, result)));
        }

        Directory.CreateDirectory(directory);
        var staged = new List<(string Temporary, string Target)>();
        try
        {
            foreach (var (name, write) in outputs)
            {
                var target = Path.Combine(directory, name);
                var temporary = Path.Combine(directory, $".{name}.{Environment.ProcessId}.tmp");
                staged.Add((temporary, target));
                using var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
                using (var writer = new Utf8RowWriter(stream))
                {
                    write(writer);
                }
            }

            foreach (var (temporary, target) in staged)
            {
                File.Move(temporary, target, overwrite: true);
            }
        }
        finally
        {
            foreach (var (temporary, _) in staged)
            {
                if (File.Exists(temporary))
                {
                    File.Delete(temporary);
                }
            }
        }

        return staged.Select(s => s.Target).ToList();
    }
}
