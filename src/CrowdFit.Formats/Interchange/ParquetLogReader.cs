using Parquet;
using Parquet.Schema;

namespace CrowdFit.Formats.Interchange;

/// <summary>Reads an answer log stored as Parquet into an <see cref="AnswerTable"/>, one row group at a time.</summary>
internal static class ParquetLogReader
{
    /// <summary>The line a row's messages name: its 1-based row number plus one, as if the file were CSV with a header.</summary>
    public const int FirstRowLine = 2;

    /// <summary>Reads the canonical columns of the Parquet file at <paramref name="path"/>.</summary>
    /// <exception cref="AnswerFormatException">
    /// The file is missing, not Parquet or corrupt, lacks a required column, or has a canonical column of a type
    /// that is not text, a number or a timestamp.
    /// </exception>
    public static async Task<AnswerTable> ReadAsync(string path)
    {
        await using var reader = await OpenAsync(path);
        var cells = Columns(path, reader.Schema);
        var rows = reader.RowGroups.Sum(g => g.RowCount);
        if (rows > int.MaxValue - FirstRowLine)
        {
            throw new AnswerFormatException(path, 0, null, $"expected at most {int.MaxValue - FirstRowLine} rows, found {rows}");
        }

        var table = new AnswerTable(path, (int)rows);
        foreach (var column in cells)
        {
            table.Include(column.Column);
        }

        var shares = await Shares(path, reader, cells);
        try
        {
            var line = FirstRowLine;
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                var count = (int)reader.RowGroups[g].RowCount;
                await Task.WhenAll(shares.Select(share => ReadGroupAsync(path, share.Reader, share.Cells, g)));
                for (var row = 0; row < count; row++)
                {
                    table.AddRow(line++);
                    foreach (var column in cells)
                    {
                        var cell = column.Cell(row);
                        if (!cell.IsEmpty)
                        {
                            table.Set(column.Column, cell);
                        }
                    }
                }
            }

            return table;
        }
        finally
        {
            foreach (var share in shares.Where(share => share.Reader != reader))
            {
                await share.Reader.DisposeAsync();
            }
        }
    }

    /// <summary>Opens a reader of the file on a stream of its own, which it closes.</summary>
    private static async Task<ParquetReader> OpenAsync(string path)
    {
        var stream = Open(path);
        try
        {
            return await ParquetReader.CreateAsync(stream, new ParquetOptions(), leaveStreamOpen: false);
        }
        catch (Exception e) when (IsDecodingFailure(e))
        {
            await stream.DisposeAsync();
            throw new AnswerFormatException(path, 0, null, $"expected a Parquet file, found one that cannot be read ({e.Message})");
        }
    }

    /// <summary>
    /// Splits the columns between two readers of the file, each with its own stream, so that two cores decode and
    /// format at once; the columns are balanced by their decoded size in the first row group.
    /// </summary>
    private static async Task<(ParquetReader Reader, ParquetCells[] Cells)[]> Shares(string path, ParquetReader reader, ParquetCells[] cells)
    {
        if (Environment.ProcessorCount < 2 || cells.Length < 2 || reader.RowGroupCount == 0)
        {
            return [(reader, cells)];
        }

        using var first = reader.OpenRowGroupReader(0);
        var sizes = cells.ToDictionary(c => c, c => first.GetMetadata(c.Field)?.MetaData?.TotalUncompressedSize ?? 0);
        var (own, other) = (new List<ParquetCells>(), new List<ParquetCells>());
        var (ownSize, otherSize) = (0L, 0L);
        foreach (var cell in cells.OrderByDescending(c => sizes[c]))
        {
            if (ownSize <= otherSize)
            {
                own.Add(cell);
                ownSize += sizes[cell];
            }
            else
            {
                other.Add(cell);
                otherSize += sizes[cell];
            }
        }

        var second = await OpenAsync(path);
        return [(reader, [.. own]), (second, [.. other])];
    }

    private static async Task ReadGroupAsync(string path, ParquetReader reader, ParquetCells[] cells, int g)
    {
        // Each share reads on a thread of its own; the first would otherwise run synchronously on the caller's.
        await Task.Yield();
        using var group = reader.OpenRowGroupReader(g);
        var count = (int)group.RowCount;
        foreach (var column in cells)
        {
            try
            {
                await column.ReadAsync(group, count);
            }
            catch (Exception e) when (IsDecodingFailure(e))
            {
                throw new AnswerFormatException(path, 0, column.Field.Name, $"expected readable values in row group {g + 1}, found corrupt data ({e.Message})");
            }
        }
    }

    /// <summary>The cells of every top-level column with a canonical name (the first when names differ only in case).</summary>
    private static ParquetCells[] Columns(string path, ParquetSchema schema)
    {
        var found = new ParquetCells?[CanonicalColumns.Names.Count];
        foreach (var field in schema.Fields)
        {
            var column = CanonicalColumns.IndexOf(field.Name);
            if (column < 0 || found[column] is not null)
            {
                continue;
            }

            if (field is not DataField { IsArray: false } data)
            {
                throw new AnswerFormatException(path, 0, field.Name, $"expected a column of single values, found a nested {field.SchemaType} column");
            }

            found[column] = ParquetCells.For(data, column)
                ?? throw new AnswerFormatException(path, 0, field.Name, $"expected text, a number or a timestamp, found values of type {data.ClrType.Name}");
        }

        foreach (var required in (int[])[CanonicalColumns.Task, CanonicalColumns.Worker, CanonicalColumns.Label])
        {
            if (found[required] is null)
            {
                var name = CanonicalColumns.Names[required];
                var names = string.Join(", ", schema.Fields.Select(f => f.Name));
                throw new AnswerFormatException(path, 0, name, $"expected a column named '{name}', found only: {names}");
            }
        }

        return [.. found.OfType<ParquetCells>()];
    }

    private static FileStream Open(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, useAsync: false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new AnswerFormatException(path, 0, null, "expected an existing file, found none (file not found)");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AnswerFormatException(path, 0, null, $"cannot open the file: {e.Message}");
        }
    }

    /// <summary>
    /// Whether <paramref name="error"/> comes from decoding bytes that are not valid Parquet: a truncated or corrupt
    /// file makes the decoder fail with many exception types (format, range, index, end of stream ...), and each is
    /// bad input rather than a bug.
    /// </summary>
    private static bool IsDecodingFailure(Exception error) =>
        error is not (AnswerFormatException or OutOfMemoryException or OperationCanceledException);
}
