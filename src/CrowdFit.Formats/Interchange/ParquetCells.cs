using System.Globalization;
using System.Text;
using Parquet;
using Parquet.Schema;

namespace CrowdFit.Formats.Interchange;

/// <summary>
/// One Parquet column of a row group read as the canonical text of its cells: strings as they are, numbers in the
/// invariant culture (floating point in its shortest round-trip form), timestamps as ISO 8601 in UTC with <c>Z</c>.
/// </summary>
internal abstract class ParquetCells
{
    // The cells of the last group read, as UTF-8 one after the other, and where each ends.
    private byte[] _text = [];
    private int[] _ends = [];

    protected ParquetCells(DataField field, int column)
    {
        Field = field;
        Column = column;
    }

    /// <summary>The Parquet column.</summary>
    public DataField Field { get; }

    /// <summary>The <see cref="CanonicalColumns"/> index the column fills.</summary>
    public int Column { get; }

    /// <summary>The cells for the Parquet types CrowdFit reads, or <see langword="null"/> for any other type.</summary>
    public static ParquetCells? For(DataField field, int column)
    {
        var type = field.ClrType;
        return type switch
        {
            _ when type == typeof(ReadOnlyMemory<char>) => new Values<ReadOnlyMemory<char>>(field, column, FormatText),
            _ when type == typeof(ReadOnlyMemory<byte>) => new Values<ReadOnlyMemory<byte>>(field, column, FormatBytes),
            _ when type == typeof(DateTime) => new Values<DateTime>(field, column, FormatTimestamp),
            _ when type == typeof(DateTimeOffset) => new Values<DateTimeOffset>(field, column, (DateTimeOffset v, Span<byte> d, out int n) => FormatTimestamp(v.UtcDateTime, d, out n)),
            _ when type == typeof(DateOnly) => new Values<DateOnly>(field, column, (DateOnly v, Span<byte> d, out int n) => v.TryFormat(d, out n, "yyyy'-'MM'-'dd", CultureInfo.InvariantCulture)),
            _ when type == typeof(double) => new Values<double>(field, column, (double v, Span<byte> d, out int n) => v.TryFormat(d, out n, "R", CultureInfo.InvariantCulture)),
            _ when type == typeof(float) => new Values<float>(field, column, (float v, Span<byte> d, out int n) => v.TryFormat(d, out n, "R", CultureInfo.InvariantCulture)),
            _ when type == typeof(decimal) => new Values<decimal>(field, column, (decimal v, Span<byte> d, out int n) => v.TryFormat(d, out n, default, CultureInfo.InvariantCulture)),
            _ when type == typeof(long) => new Values<long>(field, column, (long v, Span<byte> d, out int n) => v.TryFormat(d, out n, default, CultureInfo.InvariantCulture)),
            _ when type == typeof(int) => new Values<int>(field, column, (int v, Span<byte> d, out int n) => v.TryFormat(d, out n, default, CultureInfo.InvariantCulture)),
            _ when type == typeof(short) => new Values<short>(field, column, (short v, Span<byte> d, out int n) => v.TryFormat(d, out n, default, CultureInfo.InvariantCulture)),
            _ when type == typeof(sbyte) => new Values<sbyte>(field, column, (sbyte v, Span<byte> d, out int n) => v.TryFormat(d, out n, default, CultureInfo.InvariantCulture)),
            _ when type == typeof(ulong) => new Values<ulong>(field, column, (ulong v, Span<byte> d, out int n) => v.TryFormat(d, out n, default, CultureInfo.InvariantCulture)),
            _ when type == typeof(uint) => new Values<uint>(field, column, (uint v, Span<byte> d, out int n) => v.TryFormat(d, out n, default, CultureInfo.InvariantCulture)),
            _ when type == typeof(ushort) => new Values<ushort>(field, column, (ushort v, Span<byte> d, out int n) => v.TryFormat(d, out n, default, CultureInfo.InvariantCulture)),
            _ when type == typeof(byte) => new Values<byte>(field, column, (byte v, Span<byte> d, out int n) => v.TryFormat(d, out n, default, CultureInfo.InvariantCulture)),
            _ when type == typeof(bool) => new Values<bool>(field, column, FormatBoolean),
            _ when type == typeof(Guid) => new Values<Guid>(field, column, (Guid v, Span<byte> d, out int n) => v.TryFormat(d, out n, "D")),
            _ => null,
        };
    }

    /// <summary>
    /// Reads the column's values in <paramref name="group"/>, which has <paramref name="rows"/> rows, and formats
    /// them; columns of one group may be read at the same time, each from its own reader.
    /// </summary>
    public abstract ValueTask ReadAsync(ParquetRowGroupReader group, int rows);

    /// <summary>The text of the cell in row <paramref name="row"/> of the last group read as UTF-8; empty for a null.</summary>
    public ReadOnlySpan<byte> Cell(int row)
    {
        var start = row == 0 ? 0 : _ends[row - 1];
        return _text.AsSpan(start, _ends[row] - start);
    }

    /// <summary>Writes <paramref name="value"/> as <c>yyyy-MM-ddTHH:mm:ss[.fffffff]Z</c>, its ticks taken as UTC.</summary>
    /// <remarks>
    /// The fraction keeps only its significant digits and is left out when zero, so a whole-second timestamp reads
    /// exactly as a canonical log writes it. The value's <see cref="DateTime.Kind"/> is not consulted: Parquet
    /// timestamps that are not adjusted to UTC are taken as UTC, as the canonical log takes a timestamp without offset.
    /// </remarks>
    public static bool FormatTimestamp(DateTime value, Span<byte> destination, out int written) =>
        value.TryFormat(destination, out written, "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static bool FormatBoolean(bool value, Span<byte> destination, out int written)
    {
        var text = value ? "true"u8 : "false"u8;
        written = text.Length;
        return text.TryCopyTo(destination);
    }

    private static bool FormatText(ReadOnlyMemory<char> value, Span<byte> destination, out int written) =>
        Encoding.UTF8.TryGetBytes(value.Span, destination, out written);

    private static bool FormatBytes(ReadOnlyMemory<byte> value, Span<byte> destination, out int written)
    {
        written = value.Length;
        return value.Span.TryCopyTo(destination);
    }

    private static void Grow<TValue>(ref TValue[] values, int length)
    {
        if (values.Length < length)
        {
            values = new TValue[length];
        }
    }

    /// <summary>Formats a value as UTF-8; false when the destination is too small.</summary>
    private delegate bool Utf8Format<T>(T value, Span<byte> destination, out int written);

    /// <summary>
    /// The values of one column, read raw (the non-null values packed, with a definition level per row: faster in
    /// Parquet.Net than an array of nullable values) and formatted one after the other into the column's text.
    /// </summary>
    private sealed class Values<T>(DataField field, int column, Utf8Format<T> format) : ParquetCells(field, column)
        where T : struct
    {
        private T[] _values = [];
        private int[] _levels = [];

        public override async ValueTask ReadAsync(ParquetRowGroupReader group, int rows)
        {
            Grow(ref _values, rows);
            Grow(ref _ends, rows);
            if (Field.IsNullable)
            {
                Grow(ref _levels, rows);
                await group.ReadRawAsync<T>(Field, _values.AsMemory(0, rows), _levels.AsMemory(0, rows), null);
            }
            else
            {
                await group.ReadRawAsync<T>(Field, _values.AsMemory(0, rows), null, null);
            }

            Format(rows);
        }

        private void Format(int rows)
        {
            var used = 0;
            var next = 0;
            var nullable = Field.IsNullable;
            for (var row = 0; row < rows; row++)
            {
                if (!nullable || _levels[row] > 0)
                {
                    var value = _values[next++];
                    int written;
                    while (!format(value, _text.AsSpan(used), out written))
                    {
                        Array.Resize(ref _text, Math.Max(256, _text.Length * 2));
                    }

                    used += written;
                }

                _ends[row] = used;
            }
        }
    }
}
