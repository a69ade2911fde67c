using CrowdFit.Configuration;

namespace CrowdFit.Operations;

/// <summary>A risk policy file that cannot be used: bad JSON, an unknown property, a class that is not low, medium or high.</summary>
/// <remarks>The field is a JSON path such as <c>task_types.medical</c>; see <see cref="ConfigurationFileException"/>.</remarks>
public sealed class RiskPolicyException : ConfigurationFileException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="line">1-based line of the problem.</param>
    /// <param name="field">JSON path of the problem, for example <c>task_types.medical</c>; <c>$</c> for the whole document.</param>
    /// <param name="detail">What was expected and what was found, without the location.</param>
    /// <param name="innerException">The error of the JSON reader, when the file is not valid JSON; may be null.</param>
    public RiskPolicyException(int line, string field, string detail, Exception? innerException = null)
        : base(line, field, detail, innerException)
    {
    }

    /// <summary>Creates the exception with a message only (no location).</summary>
    public RiskPolicyException()
        : this("The risk policy file is not valid.")
    {
    }

    /// <summary>Creates the exception with a message only (no location).</summary>
    public RiskPolicyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause (no location).</summary>
    public RiskPolicyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
