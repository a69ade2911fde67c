namespace CrowdFit.Formats.Interchange;

/// <summary>The canonical answer log as Apache Parquet: the same columns, typed and compressed.</summary>
/// <remarks>
/// <para>
/// Writing: one column per canonical column the table has, in canonical order. Text columns are UTF-8 strings
/// (dictionary-encoded where it pays); <c>started_at</c> and <c>submitted_at</c> are timestamps adjusted to UTC
/// (microseconds, or nanoseconds when a value has a finer fraction) and <c>reward</c> is a double, each only when
/// every cell of the column parses as such; otherwise the column is kept as strings so that no text is lost and
/// the bad cell is reported, with its line, when the answers are read. Empty cells are nulls. Row groups hold up to
/// 1,000,000 rows; pages are Snappy-compressed.
/// </para>
/// <para>
/// Reading: any Parquet file with top-level columns named <c>task</c>, <c>worker</c> and <c>label</c> (names
/// compared ignoring case), including files written by other tools; other canonical columns are read when
/// present and the rest ignored. Strings are taken as they are; integers, floating-point and decimal numbers
/// become invariant-culture text (floating point in its shortest round-trip form); timestamps and dates become
/// ISO 8601 in UTC ending in <c>Z</c> (a timestamp not adjusted to UTC is taken as UTC). Nulls are empty cells.
/// </para>
/// <para>
/// A Parquet file has no lines, so row <em>n</em> (1-based) is reported as line <em>n</em> + 1: the line the row
/// would have in the canonical CSV log, after its header. A message about line 5 is about the fourth row.
/// </para>
/// </remarks>
public sealed class ParquetFormat : IAnswerFormat
{
    /// <inheritdoc/>
    public string Name => "parquet";

    /// <inheritdoc/>
    public string Description => "The canonical log as Apache Parquet: task, worker, label and optional context columns";

    /// <inheritdoc/>
    public string Extension => ".parquet";

    /// <inheritdoc/>
    /// <remarks>Certain when the file starts with Parquet's magic bytes <c>PAR1</c>; otherwise not Parquet.</remarks>
    public double Detect(string path, ReadOnlySpan<byte> head) => head.StartsWith("PAR1"u8) ? 1 : 0;

    /// <inheritdoc/>
    /// <remarks>Row <em>n</em> of the file (1-based) gets source line <em>n</em> + 1.</remarks>
    public AnswerTable Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);

        // The Parquet library is asynchronous; the whole file is read in one task on the thread pool, where no
        // synchronization context can deadlock the one wait.
        return Task.Run(() => ParquetLogReader.ReadAsync(path)).GetAwaiter().GetResult();
    }

    /// <inheritdoc/>
    public void Write(AnswerTable answers, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(stream);
        Task.Run(() => ParquetLogWriter.WriteAsync(answers, stream)).GetAwaiter().GetResult();
    }
}
