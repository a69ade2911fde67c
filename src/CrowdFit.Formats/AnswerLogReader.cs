using CrowdFit.Answers;
using CrowdFit.Formats.Csv;
using CrowdFit.Formats.Interchange;
using CrowdFit.Formats.Reading;

namespace CrowdFit.Formats;

/// <summary>
/// Reads an answer log in the canonical CSV format, with optional gold and model scores, into an
/// <see cref="AnswerLog"/>.
/// </summary>
/// <remarks>
/// <para>
/// All files are UTF-8 CSV (RFC 4180): a header row, comma separators, optional double-quoted fields with
/// <c>""</c> for a quote, LF or CRLF line ends, an optional byte order mark; blank lines are skipped. Header
/// names match without case and surrounding blanks, in any order; unknown columns are ignored.
/// </para>
/// <para>
/// Answers: <c>task,worker,label</c> are required and must not be empty; optional are <c>started_at</c> and
/// <c>submitted_at</c> (ISO 8601, UTC when without offset), <c>ip</c>, <c>device</c>, <c>country</c>,
/// <c>payment_country</c>, <c>task_type</c>, <c>project</c> and <c>reward</c> (a number, invariant culture);
/// their empty cells are missing values. Gold: <c>task,label</c>. Scores: <c>task,label,score</c> with the
/// score a probability in [0, 1]; the model answers every scored task with its highest-scoring label (ties go
/// to the label first in ordinal order) as one more worker. Labels used only by gold or scores are classes too.
/// </para>
/// </remarks>
public static class AnswerLogReader
{
    /// <summary>Reads the answers and, when given, the gold and scores files.</summary>
    /// <param name="answersPath">The answers file.</param>
    /// <param name="goldPath">A gold file, or <see langword="null"/>.</param>
    /// <param name="scoresPath">A model scores file, or <see langword="null"/>.</param>
    /// <param name="options">Options; <see langword="null"/> for the defaults.</param>
    /// <returns>The answers (with the model's when scores are given), gold and per-answer context.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="answersPath"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    /// <exception cref="AnswerFormatException">
    /// A file is missing, not UTF-8 or malformed; the log has no answers; a gold or scored task has no answers;
    /// a task has two gold labels; a score is not in [0, 1]; or the model's worker id is a worker of the log.
    /// </exception>
    public static AnswerLog Read(string answersPath, string? goldPath = null, string? scoresPath = null, ReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(answersPath);
        options ??= new ReaderOptions();
        options.Validate();
        return Complete(AnswerFileReader.Read(answersPath, options), answersPath, goldPath, scoresPath, options);
    }

    /// <summary>
    /// Reads answers already imported into a table (from any supported export) with an optional gold file and
    /// model scores file, exactly as <see cref="Read(string, string?, string?, ReaderOptions?)"/> reads a
    /// canonical CSV log. Errors in the answers name the source file and the line each row came from.
    /// </summary>
    /// <param name="answers">The imported answers.</param>
    /// <param name="goldPath">Gold file (<c>task,label</c>), or <see langword="null"/>.</param>
    /// <param name="scoresPath">Model scores file (<c>task,label,score</c>), or <see langword="null"/>.</param>
    /// <param name="options">Reader options; the defaults when <see langword="null"/>.</param>
    /// <returns>The log.</returns>
    /// <exception cref="AnswerFormatException">An answer, the gold or the scores are malformed.</exception>
    public static AnswerLog Read(AnswerTable answers, string? goldPath = null, string? scoresPath = null, ReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        options ??= new ReaderOptions();
        options.Validate();
        var rowLines = new int[answers.RowCount];
        using var canonical = new MemoryStream();
        CanonicalCsv.Write(answers, canonical, rowLines);
        canonical.Position = 0;
        LogBuilder log;
        try
        {
            using var parser = new Utf8CsvParser(canonical, answers.SourcePath, options.BlockSize, countLines: true);
            log = AnswerFileReader.Read(parser, answers.SourcePath, options);
            if (log.ModelIdLine > 0)
            {
                log.ModelIdLine = SourceLine(answers, rowLines, log.ModelIdLine);
            }
        }
        catch (AnswerFormatException error) when (error.Line >= 2)
        {
            throw new AnswerFormatException(error.FilePath, SourceLine(answers, rowLines, error.Line), error.Column, error.Detail);
        }

        return Complete(log, answers.SourcePath, goldPath, scoresPath, options);
    }

    private static int SourceLine(AnswerTable answers, int[] rowLines, int line)
    {
        var row = Array.BinarySearch(rowLines, line);
        row = row >= 0 ? row : ~row - 1;
        return row >= 0 && row < answers.RowCount ? answers.SourceLine(row) : 0;
    }

    private static AnswerLog Complete(LogBuilder log, string answersPath, string? goldPath, string? scoresPath, ReaderOptions options)
    {
        var gold = goldPath is null ? null : GoldFileReader.Read(goldPath, log, options.BlockSize);
        int[]? model = null;
        if (scoresPath is not null)
        {
            if (log.ModelIdLine > 0)
            {
                throw new AnswerFormatException(
                    answersPath,
                    log.ModelIdLine,
                    "worker",
                    $"expected worker ids other than '{options.ModelWorkerId}', the id of the model that joins from {scoresPath}, found it as a worker; choose another model worker id");
            }

            model = ScoresFileReader.Read(scoresPath, log, options.BlockSize);
        }

        return log.Build(gold, model, options.ModelWorkerId);
    }

    /// <summary>Reads only an answers file.</summary>
    /// <exception cref="AnswerFormatException">The file is missing, not UTF-8, malformed or has no answers.</exception>
    public static AnswerSet ReadAnswers(string answersPath) => Read(answersPath).Answers;
}
