namespace CrowdFit.Configuration;

/// <summary>
/// A configuration file (rules, risk policy) that cannot be used, with where: the line and the JSON path of the
/// problem and what was expected.
/// </summary>
/// <remarks>
/// <see cref="Exception.Message"/> is one line, <c>line N: field: detail</c>, so a command-line tool can print
/// it as is.
/// </remarks>
public abstract class ConfigurationFileException : Exception
{
    /// <summary>Creates the exception with its location.</summary>
    /// <param name="line">1-based line of the problem.</param>
    /// <param name="field">JSON path of the problem; <c>$</c> for the whole document.</param>
    /// <param name="detail">What was expected and what was found, without the location.</param>
    /// <param name="innerException">The error of the JSON reader, when the file is not valid JSON; may be null.</param>
    protected ConfigurationFileException(int line, string field, string detail, Exception? innerException = null)
        : base($"line {line}: {field}: {detail}", innerException)
    {
        Line = line;
        Field = field;
        Detail = detail;
    }

    /// <summary>Creates the exception with a message only (no location).</summary>
    protected ConfigurationFileException(string message)
        : base(message)
    {
        Field = "$";
        Detail = message;
    }

    /// <summary>Creates the exception with a message and a cause (no location).</summary>
    protected ConfigurationFileException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = "$";
        Detail = message;
    }

    /// <summary>1-based line of the problem; 0 when not known.</summary>
    public int Line { get; }

    /// <summary>JSON path of the problem; <c>$</c> for the whole document.</summary>
    public string Field { get; }

    /// <summary>What was expected and what was found, without the location.</summary>
    public string Detail { get; }
}
