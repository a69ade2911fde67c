using System.Buffers;
using CrowdFit.Formats.Csv;

namespace CrowdFit.Formats.Interchange;

/// <summary>The canonical answer log as CSV: a header row naming the columns, then one answer per row.</summary>
public static class CanonicalCsv
{
    private static readonly SearchValues<byte> s_needsQuotes = SearchValues.Create(",\"\n\r"u8);

    /// <summary>Reads a canonical CSV log into a table: the canonical columns it has, others ignored.</summary>
    /// <param name="path">The CSV file.</param>
    /// <returns>The table, one row per record, each with its line in the file.</returns>
    /// <exception cref="AnswerFormatException">The file is missing, empty, ragged or lacks a required column.</exception>
    public static AnswerTable Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var parser = CsvFile.Open(path, 1 << 20, countLines: true);
        var header = CsvHeader.Read(parser, "task,worker,label");
        header.Require("task");
        header.Require("worker");
        header.Require("label");
        var map = new int[CanonicalColumns.Names.Count];
        for (var c = 0; c < map.Length; c++)
        {
            map[c] = header.IndexOf(CanonicalColumns.Names[c]);
        }

        var table = new AnswerTable(path, parser.LineCount < 0 ? 1024 : (int)Math.Min(parser.LineCount, int.MaxValue / 2));
        for (var c = 0; c < map.Length; c++)
        {
            if (map[c] >= 0)
            {
                table.Include(c);
            }
        }

        while (parser.ReadRecord())
        {
            if (parser.FieldCount != header.Count)
            {
                throw new AnswerFormatException(path, parser.RecordLine, null, $"expected {header.Count} fields as in the header, found {parser.FieldCount}");
            }

            table.AddRow(parser.RecordLine);
            for (var c = 0; c < map.Length; c++)
            {
                if (map[c] >= 0 && parser.Field(map[c]) is { IsEmpty: false } cell)
                {
                    table.Set(c, cell);
                }
            }
        }

        return table;
    }

    /// <summary>Writes <paramref name="table"/> as canonical CSV: its columns in canonical order, RFC 4180 quoting where needed.</summary>
    /// <param name="table">The answers.</param>
    /// <param name="stream">Where to write; left open.</param>
    public static void Write(AnswerTable table, Stream stream) => Write(table, stream, null);

    /// <summary>
    /// Writes <paramref name="table"/> as canonical CSV and, when <paramref name="rowLines"/> is given, the line of
    /// the output each row starts on (a cell with a line break makes a row span lines).
    /// </summary>
    internal static void Write(AnswerTable table, Stream stream, int[]? rowLines)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(stream);
        var columns = Enumerable.Range(0, CanonicalColumns.Names.Count).Where(table.Has).ToArray();
        var writer = new Utf8CsvWriter(stream);
        foreach (var c in columns)
        {
            writer.Field(CanonicalColumns.Names[c]);
        }

        writer.EndRow();
        var line = 2;
        byte[] quoted = [];
        for (var row = 0; row < table.RowCount; row++)
        {
            if (rowLines is not null)
            {
                rowLines[row] = line;
            }

            foreach (var c in columns)
            {
                var cell = table.Cell(row, c);
                if (cell.IndexOfAny(s_needsQuotes) < 0)
                {
                    writer.Field(cell);
                    continue;
                }

                var length = Quote(cell, ref quoted);
                writer.Field(quoted.AsSpan(0, length));
                line += cell.Count((byte)'\n');
            }

            writer.EndRow();
            line++;
        }

        writer.Flush();
    }

    /// <summary>Encloses <paramref name="cell"/> in quotes with inner quotes doubled, into <paramref name="buffer"/>.</summary>
    private static int Quote(ReadOnlySpan<byte> cell, ref byte[] buffer)
    {
        var needed = (cell.Length * 2) + 2;
        if (buffer.Length < needed)
        {
            buffer = new byte[needed];
        }

        var n = 0;
        buffer[n++] = (byte)'"';
        foreach (var b in cell)
        {
            if (b == (byte)'"')
            {
                buffer[n++] = b;
            }

            buffer[n++] = b;
        }

        buffer[n++] = (byte)'"';
        return n;
    }
}
