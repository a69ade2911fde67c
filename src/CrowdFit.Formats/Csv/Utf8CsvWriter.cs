using System.Buffers;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text;

namespace CrowdFit.Formats.Csv;

/// <summary>
/// Writes CSV (RFC 4180, LF line ends) as UTF-8 into a byte buffer that is flushed to a stream in large
/// writes. Numbers are formatted straight into the buffer.
/// </summary>
/// <remarks>
/// A field is quoted only when it holds a comma, a quote, CR or LF. Doubles are written in invariant culture
/// with up to six significant digits (<c>G6</c>: 0.333333, 1, 2.5E-07); NaN is an empty cell.
/// </remarks>
internal sealed class Utf8CsvWriter : IDisposable
{
    private const int BufferSize = 1 << 16;
    private const int MaxNumberBytes = 32;

    private static readonly SearchValues<char> s_needsQuotes = SearchValues.Create(",\"\r\n");
    private static readonly StandardFormat s_sixDigits = new('G', 6);
    private static readonly double[] s_scale = [1e6, 1e7, 1e8, 1e9];

    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[BufferSize];
    private int _used;
    private bool _rowStarted;

    /// <summary>Creates a writer over <paramref name="stream"/>, which it does not dispose.</summary>
    public Utf8CsvWriter(Stream stream) => _stream = stream;

    /// <summary>The bytes of <paramref name="value"/> as a complete CSV field, quoted when needed.</summary>
    public static byte[] Encode(string value)
    {
        if (value.AsSpan().IndexOfAny(s_needsQuotes) < 0)
        {
            return Encoding.UTF8.GetBytes(value);
        }

        return Encoding.UTF8.GetBytes("\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"");
    }

    /// <summary>Writes a text field.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Field(string value)
    {
        if (value.Length > BufferSize / 8 || value.AsSpan().IndexOfAny(s_needsQuotes) >= 0)
        {
            Field(Encode(value));
            return;
        }

        Separator(value.Length * 3);
        _used += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_used));
    }

    /// <summary>Writes a field already encoded by <see cref="Encode"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Field(ReadOnlySpan<byte> encoded)
    {
        if (encoded.Length > BufferSize / 2)
        {
            Separator(0);
            Flush();
            _stream.Write(encoded);
            return;
        }

        Separator(encoded.Length);
        encoded.CopyTo(_buffer.AsSpan(_used));
        _used += encoded.Length;
    }

    /// <summary>Writes an integer field.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Field(int value)
    {
        Separator(MaxNumberBytes);
        Utf8Formatter.TryFormat(value, _buffer.AsSpan(_used), out var written);
        _used += written;
    }

    /// <summary>Writes a number with up to six significant digits; NaN writes an empty cell.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Field(double value)
    {
        Separator(MaxNumberBytes);
        if (double.IsNaN(value))
        {
            return;
        }

        // Exact zeros and ones are the common posterior values; they skip the general formatter.
        if (value == 0 || value == 1)
        {
            _buffer[_used++] = value == 0 ? (byte)'0' : (byte)'1';
            return;
        }

        var destination = _buffer.AsSpan(_used);
        if (!TryFormatProbability(value, destination, out var written))
        {
            Utf8Formatter.TryFormat(value, destination, out written, s_sixDigits);
        }

        _used += written;
    }

    /// <summary>Ends the current row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void EndRow()
    {
        if (_used == _buffer.Length)
        {
            Flush();
        }

        _buffer[_used++] = (byte)'\n';
        _rowStarted = false;
    }

    /// <summary>Writes the buffered bytes to the stream.</summary>
    public void Flush()
    {
        _stream.Write(_buffer, 0, _used);
        _used = 0;
    }

    /// <summary>Flushes the buffer; the stream stays open.</summary>
    public void Dispose() => Flush();

    /// <summary>
    /// Formats a value in [0.0001, 1) as <c>G6</c> does, several times faster: most written numbers are
    /// probabilities. Returns false (the caller uses the general formatter) outside that range, when
    /// rounding carries into a new digit, or when the value is too close to a rounding tie for a scaled
    /// double to decide it the way exact decimal rounding would.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool TryFormatProbability(double value, Span<byte> destination, out int written)
    {
        written = 0;
        if (!(value >= 1e-4 && value < 1) || destination.Length < 12)
        {
            return false;
        }

        // Leading zeros after the point: each threshold is the double just above the power of ten.
        var zeros = value >= 0.1 ? 0 : value >= 0.01 ? 1 : value >= 0.001 ? 2 : 3;
        var scaled = value * s_scale[zeros];
        var whole = Math.Floor(scaled);
        var fraction = scaled - whole;
        if (Math.Abs(fraction - 0.5) < 1e-6)
        {
            return false;
        }

        var digits = (int)whole + (fraction > 0.5 ? 1 : 0);
        if (digits >= 1_000_000)
        {
            return false;
        }

        var length = 6;
        while (digits % 10 == 0)
        {
            digits /= 10;
            length--;
        }

        destination[0] = (byte)'0';
        destination[1] = (byte)'.';
        destination.Slice(2, zeros).Fill((byte)'0');
        written = 2 + zeros + length;
        for (var i = written - 1; i >= 2 + zeros; i--)
        {
            destination[i] = (byte)('0' + (digits % 10));
            digits /= 10;
        }

        return true;
    }

    /// <summary>Writes the comma before a field that is not the first of its row, and makes room for <paramref name="bytes"/> more.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Separator(int bytes)
    {
        if (_buffer.Length - _used < bytes + 2)
        {
            Flush();
        }

        if (_rowStarted)
        {
            _buffer[_used++] = (byte)',';
        }

        _rowStarted = true;
    }
}
