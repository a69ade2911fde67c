namespace CrowdFit.Formats;

/// <summary>
/// Bad input data: a file that cannot be read as the expected format, with the place and what was expected.
/// </summary>
/// <remarks>
/// <see cref="Exception.Message"/> is one line, <c>path:line: column 'name': detail</c> (the line and column
/// parts are left out when unknown), so a command-line tool can print it as is.
/// </remarks>
public sealed class AnswerFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="filePath">The file as the caller named it.</param>
    /// <param name="line">1-based physical line, or 0 when the problem concerns the whole file.</param>
    /// <param name="column">Column name from the header, or <see langword="null"/> when the problem is not in one column.</param>
    /// <param name="detail">What was expected and what was found, without the location.</param>
    public AnswerFormatException(string filePath, int line, string? column, string detail)
        : base(Format(filePath, line, column, detail))
    {
        FilePath = filePath;
        Line = line;
        Column = column;
        Detail = detail;
    }

    /// <summary>Creates the exception with a message only (no location).</summary>
    public AnswerFormatException()
        : this(string.Empty, 0, null, "The input is not in the expected format.")
    {
    }

    /// <summary>Creates the exception with a message only (no location).</summary>
    public AnswerFormatException(string message)
        : this(string.Empty, 0, null, message)
    {
    }

    /// <summary>Creates the exception with a message and a cause (no location).</summary>
    public AnswerFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        FilePath = string.Empty;
        Detail = message;
    }

    /// <summary>The file as the caller named it; empty when not known.</summary>
    public string FilePath { get; }

    /// <summary>1-based physical line of the problem; 0 when it concerns the whole file (for example, not found).</summary>
    public int Line { get; }

    /// <summary>Header name of the column with the problem; <see langword="null"/> when not in one column.</summary>
    public string? Column { get; }

    /// <summary>What was expected and what was found, without the location.</summary>
    public string Detail { get; }

    private static string Format(string filePath, int line, string? column, string detail)
    {
        var where = line > 0 ? $"{filePath}:{line}: " : filePath.Length > 0 ? $"{filePath}: " : string.Empty;
        return column is null ? where + detail : $"{where}column '{column}': {detail}";
    }
}
