using Parquet;
using Parquet.Schema;

namespace CrowdFit.Formats.Interchange;

/// <summary>Writes an <see cref="AnswerTable"/> as a Parquet file, one column per canonical column the table has.</summary>
internal static class ParquetLogWriter
{
    /// <summary>Rows per row group: large enough for good compression, small enough to write in bounded memory.</summary>
    public const int RowGroupRows = 1_000_000;

    /// <summary>Writes <paramref name="table"/> to <paramref name="stream"/>, Snappy-compressed; the stream is left open.</summary>
    public static Task WriteAsync(AnswerTable table, Stream stream) => WriteAsync(table, stream, RowGroupRows);

    /// <summary>Writes <paramref name="table"/> in row groups of <paramref name="rowGroupRows"/> rows.</summary>
    public static async Task WriteAsync(AnswerTable table, Stream stream, int rowGroupRows)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rowGroupRows);
        var columns = Enumerable.Range(0, CanonicalColumns.Names.Count)
            .Where(table.Has)
            .Select(c => ParquetColumnWriter.For(table, c))
            .ToArray();
        var schema = new ParquetSchema(columns.Select(c => (Field)c.Field));
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };

        // Parquet.Net dictionary-encodes strings only when asked; it still falls back to plain encoding for a
        // column whose values are mostly distinct (ParquetOptions.DictionaryEncodingThreshold).
        foreach (var column in columns.Where(c => c.Field.ClrType == typeof(ReadOnlyMemory<char>)))
        {
            options.ColumnEncodingHints[column.Field.Name] = EncodingHint.Dictionary;
        }

        await using var writer = await ParquetWriter.CreateAsync(schema, stream, options);
        for (var start = 0; start < table.RowCount || start == 0; start += rowGroupRows)
        {
            var count = Math.Min(rowGroupRows, table.RowCount - start);
            using var group = writer.CreateRowGroup();
            foreach (var column in columns)
            {
                await column.WriteAsync(group, start, count);
            }
        }
    }
}
