using System.Globalization;
using System.Text;
using CrowdFit.Formats.Text;
using Parquet;
using Parquet.Schema;

namespace CrowdFit.Formats.Interchange;

/// <summary>
/// Writes one canonical column of an <see cref="AnswerTable"/> to Parquet row groups: timestamps as UTC timestamps and
/// the reward as a double when every cell of the column is one, anything else as UTF-8 strings. Empty cells are nulls.
/// </summary>
/// <remarks>
/// A timestamp or reward column with a cell that does not parse is written as strings, so the conversion keeps the
/// text and the reader of the answers reports the cell with its line, as it would for the CSV log.
/// </remarks>
internal abstract class ParquetColumnWriter
{
    protected ParquetColumnWriter(AnswerTable table, int column, DataField field)
    {
        Table = table;
        Column = column;
        Field = field;
    }

    /// <summary>The Parquet column written.</summary>
    public DataField Field { get; }

    protected AnswerTable Table { get; }

    protected int Column { get; }

    /// <summary>The writer for column <paramref name="column"/> of <paramref name="table"/>, its type chosen from all its cells.</summary>
    public static ParquetColumnWriter For(AnswerTable table, int column)
    {
        var name = CanonicalColumns.Names[column];
        if (column is CanonicalColumns.StartedAt or CanonicalColumns.SubmittedAt && TimestampUnit(table, column) is { } unit)
        {
            return new Timestamps(table, column, new DateTimeDataField(name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit, isNullable: true));
        }

        if (column == CanonicalColumns.Reward && AllCells(table, column, static cell => TryNumber(cell, out _)))
        {
            return new Numbers(table, column, new DataField<double>(name, true));
        }

        return new Strings(table, column, new DataField<string>(name, true));
    }

    /// <summary>Writes rows <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> to <paramref name="group"/>.</summary>
    public abstract Task WriteAsync(ParquetRowGroupWriter group, int start, int count);

    /// <summary>The cell of <paramref name="row"/>, without surrounding spaces; empty when blank.</summary>
    protected ReadOnlySpan<byte> Trimmed(int row) => Table.Cell(row, Column).Trim((byte)' ');

    /// <summary>
    /// Microseconds, the unit most tools read, when every timestamp is a whole number of them; nanoseconds when one
    /// has a finer fraction (timestamps keep 100 ns); <see langword="null"/> when a cell is not a timestamp.
    /// </summary>
    private static DateTimeTimeUnit? TimestampUnit(AnswerTable table, int column)
    {
        var unit = DateTimeTimeUnit.Micros;
        for (var row = 0; row < table.RowCount; row++)
        {
            var cell = table.Cell(row, column).Trim((byte)' ');
            if (cell.IsEmpty)
            {
                continue;
            }

            if (!Iso8601.TryParseUtcTicks(cell, out var ticks))
            {
                return null;
            }

            if (ticks % 10 != 0)
            {
                unit = DateTimeTimeUnit.Nanos;
            }
        }

        return unit;
    }

    private static bool AllCells(AnswerTable table, int column, Func<ReadOnlySpan<byte>, bool> parses)
    {
        for (var row = 0; row < table.RowCount; row++)
        {
            var cell = table.Cell(row, column).Trim((byte)' ');
            if (!cell.IsEmpty && !parses(cell))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Parses a reward as the canonical reader does: a finite number in the invariant culture.</summary>
    private static bool TryNumber(ReadOnlySpan<byte> cell, out double value) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private sealed class Strings(AnswerTable table, int column, DataField field) : ParquetColumnWriter(table, column, field)
    {
        private ReadOnlyMemory<char>?[] _values = [];
        private char[] _chars = [];

        public override Task WriteAsync(ParquetRowGroupWriter group, int start, int count)
        {
            if (_values.Length < count)
            {
                _values = new ReadOnlyMemory<char>?[count];
            }

            // All cells of the group are decoded into one character buffer and handed over as slices of it, which
            // spares a string per cell.
            var length = 0;
            for (var row = 0; row < count; row++)
            {
                length += Table.Cell(start + row, Column).Length;
            }

            if (_chars.Length < length)
            {
                _chars = new char[length];
            }

            var used = 0;
            for (var row = 0; row < count; row++)
            {
                var cell = Table.Cell(start + row, Column);
                if (cell.IsEmpty)
                {
                    _values[row] = null;
                    continue;
                }

                var chars = Encoding.UTF8.GetChars(cell, _chars.AsSpan(used));
                _values[row] = _chars.AsMemory(used, chars);
                used += chars;
            }

            return group.WriteAsync<ReadOnlyMemory<char>>(Field, _values.AsMemory(0, count));
        }
    }

    private sealed class Timestamps(AnswerTable table, int column, DataField field) : ParquetColumnWriter(table, column, field)
    {
        private DateTime?[] _values = [];

        public override Task WriteAsync(ParquetRowGroupWriter group, int start, int count)
        {
            if (_values.Length < count)
            {
                _values = new DateTime?[count];
            }

            for (var row = 0; row < count; row++)
            {
                var cell = Trimmed(start + row);
                _values[row] = !cell.IsEmpty && Iso8601.TryParseUtcTicks(cell, out var ticks) ? new DateTime(ticks, DateTimeKind.Utc) : null;
            }

            return group.WriteAsync<DateTime>(Field, _values.AsMemory(0, count));
        }
    }

    private sealed class Numbers(AnswerTable table, int column, DataField field) : ParquetColumnWriter(table, column, field)
    {
        private double?[] _values = [];

        public override Task WriteAsync(ParquetRowGroupWriter group, int start, int count)
        {
            if (_values.Length < count)
            {
                _values = new double?[count];
            }

            for (var row = 0; row < count; row++)
            {
                var cell = Trimmed(start + row);
                _values[row] = !cell.IsEmpty && TryNumber(cell, out var value) ? value : null;
            }

            return group.WriteAsync<double>(Field, _values.AsMemory(0, count));
        }
    }
}
