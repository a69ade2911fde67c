using CrowdFit.Configuration;

namespace CrowdFit.Fraud.Rules;

/// <summary>A rule file that cannot be used: bad JSON, an unknown kind or property, a missing or out-of-range number.</summary>
/// <remarks>The field is a JSON path such as <c>rules[2].seconds</c>; see <see cref="ConfigurationFileException"/>.</remarks>
public sealed class FraudRuleException : ConfigurationFileException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="line">1-based line of the problem.</param>
    /// <param name="field">JSON path of the problem, for example <c>rules[2].seconds</c>; <c>$</c> for the whole document.</param>
    /// <param name="detail">What was expected and what was found, without the location.</param>
    /// <param name="innerException">The error of the JSON reader, when the file is not valid JSON; may be null.</param>
    public FraudRuleException(int line, string field, string detail, Exception? innerException = null)
        : base(line, field, detail, innerException)
    {
    }

    /// <summary>Creates the exception with a message only (no location).</summary>
    public FraudRuleException()
        : this("The rule file is not valid.")
    {
    }

    /// <summary>Creates the exception with a message only (no location).</summary>
    public FraudRuleException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause (no location).</summary>
    public FraudRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
