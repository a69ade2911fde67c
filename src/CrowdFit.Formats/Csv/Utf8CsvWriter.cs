using System.Buffers;
using System.Buffers.Text;
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
    public void Field(int value)
    {
        Separator(MaxNumberBytes);
        Utf8Formatter.TryFormat(value, _buffer.AsSpan(_used), out var written);
        _used += written;
    }

    /// <summary>Writes a number with up to six significant digits; NaN writes an empty cell.</summary>
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

        Utf8Formatter.TryFormat(value, _buffer.AsSpan(_used), out var written, s_sixDigits);
        _used += written;
    }

    /// <summary>Ends the current row.</summary>
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

    /// <summary>Writes the comma before a field that is not the first of its row, and makes room for <paramref name="bytes"/> more.</summary>
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
