using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrowdFit.Reports;

/// <summary>Renders an <see cref="AnalysisReport"/> as JSON for machines: camelCase, indented, in the model's declaration order.</summary>
/// <remarks>Values that were not measured are <c>null</c>; numbers are written in full (they read back exactly).</remarks>
public static class JsonReport
{
    private static readonly JsonSerializerOptions s_options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Writes the report.</summary>
    /// <param name="report">The report.</param>
    /// <param name="writer">Where to write the JSON.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(AnalysisReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(JsonSerializer.Serialize(report, s_options));
        writer.Write('\n');
    }
}
