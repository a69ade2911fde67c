using System.Text;

namespace CrowdFit.Formats.Interchange;

/// <summary>
/// Answers in the canonical columns (<see cref="CanonicalColumns"/>) as UTF-8 text cells, read from any supported
/// export and written to any supported format: the common ground of every importer and exporter.
/// </summary>
/// <remarks>
/// Rows are added one at a time with <see cref="AddRow"/> and then filled with <see cref="Set(int, ReadOnlySpan{byte})"/>;
/// a cell not set is empty. Each column keeps one growing byte buffer and the end offset of every cell, so a
/// million-row export costs a few bytes per cell and no string per cell. Each row remembers the line of the source
/// file it came from, so an error found later names the line the user can open.
/// </remarks>
public sealed class AnswerTable
{
    private readonly byte[][] _data;
    private readonly int[] _used;
    private readonly int[][] _ends;
    private readonly bool[] _present;

    // A column's cell ends are kept for the rows up to the last one set; rows in between are padded as empty
    // cells when a later row is set, so a column that is rarely set costs nothing until it is.
    private readonly int[] _filled;
    private int[] _lines;
    private int _rows;

    /// <summary>Creates an empty table for the answers of <paramref name="sourcePath"/>.</summary>
    /// <param name="sourcePath">The file the answers come from, named in error messages.</param>
    /// <param name="capacity">Expected number of rows.</param>
    public AnswerTable(string sourcePath, int capacity = 1024)
    {
        ArgumentNullException.ThrowIfNull(sourcePath);
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        SourcePath = sourcePath;
        var columns = CanonicalColumns.Names.Count;
        _data = new byte[columns][];
        _used = new int[columns];
        _ends = new int[columns][];
        _present = new bool[columns];
        _filled = new int[columns];
        capacity = Math.Max(capacity, 16);
        for (var c = 0; c < columns; c++)
        {
            _data[c] = [];
            _ends[c] = [];
        }

        _lines = new int[capacity];
        _present[CanonicalColumns.Task] = _present[CanonicalColumns.Worker] = _present[CanonicalColumns.Label] = true;
    }

    /// <summary>The file the answers come from.</summary>
    public string SourcePath { get; }

    /// <summary>Number of rows.</summary>
    public int RowCount => _rows;

    /// <summary>Whether column <paramref name="column"/> is part of the table (the three required ones always are).</summary>
    /// <param name="column">A <see cref="CanonicalColumns"/> index.</param>
    public bool Has(int column) => _present[column];

    /// <summary>The names of the columns that are part of the table, in canonical order.</summary>
    public IReadOnlyList<string> ColumnNames =>
        [.. Enumerable.Range(0, _present.Length).Where(c => _present[c]).Select(c => CanonicalColumns.Names[c])];

    /// <summary>Makes column <paramref name="column"/> part of the table even if no cell of it is ever set.</summary>
    /// <param name="column">A <see cref="CanonicalColumns"/> index.</param>
    public void Include(int column) => _present[column] = true;

    /// <summary>Starts a new row whose cells are all empty until set.</summary>
    /// <param name="sourceLine">The 1-based line of the source file the row comes from (0 when unknown).</param>
    /// <returns>The index of the new row.</returns>
    public int AddRow(int sourceLine)
    {
        if (_rows == _lines.Length)
        {
            Array.Resize(ref _lines, checked(_lines.Length * 2));
        }

        _lines[_rows] = sourceLine;
        return _rows++;
    }

    /// <summary>Sets a cell of the last row from UTF-8 text; each cell of a row is set at most once.</summary>
    /// <param name="column">A <see cref="CanonicalColumns"/> index.</param>
    /// <param name="utf8">The cell's text as UTF-8.</param>
    /// <exception cref="InvalidOperationException">There is no row yet, or the cell was already set.</exception>
    public void Set(int column, ReadOnlySpan<byte> utf8)
    {
        var row = _rows - 1;
        if (row < 0)
        {
            throw new InvalidOperationException("Add a row before setting its cells.");
        }

        if (FilledRows(column) > row)
        {
            throw new InvalidOperationException($"The '{CanonicalColumns.Names[column]}' cell of row {row} is already set.");
        }

        Fill(column, row);
        _present[column] = true;
        var data = _data[column];
        var used = _used[column];
        if (used + utf8.Length > data.Length)
        {
            Array.Resize(ref _data[column], Math.Max(checked(used + utf8.Length), Math.Max(256, data.Length * 2)));
        }

        utf8.CopyTo(_data[column].AsSpan(used));
        _used[column] = used + utf8.Length;
        Append(column, _used[column]);
    }

    /// <summary>Sets a cell of the last row from text.</summary>
    /// <param name="column">A <see cref="CanonicalColumns"/> index.</param>
    /// <param name="text">The cell's text.</param>
    public void Set(int column, ReadOnlySpan<char> text)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (max <= 512)
        {
            Span<byte> buffer = stackalloc byte[max];
            Set(column, buffer[..Encoding.UTF8.GetBytes(text, buffer)]);
            return;
        }

        Set(column, Encoding.UTF8.GetBytes(text.ToString()));
    }

    /// <summary>The cell of row <paramref name="row"/> in column <paramref name="column"/> as UTF-8; empty when not set.</summary>
    /// <param name="row">A row index below <see cref="RowCount"/>.</param>
    /// <param name="column">A <see cref="CanonicalColumns"/> index.</param>
    public ReadOnlySpan<byte> Cell(int row, int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, _rows);
        var filled = FilledRows(column);
        if (row >= filled)
        {
            return [];
        }

        var ends = _ends[column];
        var start = row == 0 ? 0 : ends[row - 1];
        return _data[column].AsSpan(start, ends[row] - start);
    }

    /// <summary>The cell of row <paramref name="row"/> in column <paramref name="column"/> as a string; empty when not set.</summary>
    /// <param name="row">A row index below <see cref="RowCount"/>.</param>
    /// <param name="column">A <see cref="CanonicalColumns"/> index.</param>
    public string Text(int row, int column) => Encoding.UTF8.GetString(Cell(row, column));

    /// <summary>The 1-based line of the source file row <paramref name="row"/> came from (0 when unknown).</summary>
    /// <param name="row">A row index below <see cref="RowCount"/>.</param>
    public int SourceLine(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, _rows);
        return _lines[row];
    }

    /// <summary>How many leading rows of the column have their cell end recorded; later rows are empty.</summary>
    private int FilledRows(int column) => _filled[column];

    /// <summary>Records empty cells for the column's rows before <paramref name="row"/> that were never set.</summary>
    private void Fill(int column, int row)
    {
        var filled = _filled[column];
        if (_ends[column].Length <= row)
        {
            Array.Resize(ref _ends[column], Math.Max(row + 1, Math.Max(_lines.Length, 16)));
        }

        var ends = _ends[column];
        var end = filled == 0 ? 0 : ends[filled - 1];
        for (var r = filled; r < row; r++)
        {
            ends[r] = end;
        }

        _filled[column] = row;
    }

    private void Append(int column, int end)
    {
        var row = _rows - 1;
        _ends[column][row] = end;
        _filled[column] = row + 1;
    }
}
