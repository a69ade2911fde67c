namespace CrowdFit.Formats.Interchange;

/// <summary>The canonical CSV answer log (<c>task,worker,label</c> and optional context columns).</summary>
public sealed class CanonicalCsvFormat : IAnswerFormat
{
    /// <inheritdoc/>
    public string Name => "csv";

    /// <inheritdoc/>
    public string Description => "CrowdFit's canonical log: CSV with task,worker,label and optional context columns";

    /// <inheritdoc/>
    public string Extension => ".csv";

    /// <inheritdoc/>
    public double Detect(string path, ReadOnlySpan<byte> head)
    {
        var names = AnswerFormats.HeaderNames(head, (byte)',');
        var required = names.Contains("task") && names.Contains("worker") && names.Contains("label");
        if (!required)
        {
            return 0;
        }

        // Every column a known canonical one: certainly ours; other columns as well: probably ours.
        return names.All(n => CanonicalColumns.IndexOf(n) >= 0) ? 1 : 0.8;
    }

    /// <inheritdoc/>
    public AnswerTable Read(string path) => CanonicalCsv.Read(path);

    /// <inheritdoc/>
    public void Write(AnswerTable answers, Stream stream) => CanonicalCsv.Write(answers, stream);
}
