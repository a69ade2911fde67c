using System.Buffers;
using System.Text;

namespace CrowdFit.Formats.Interchange;

/// <summary>
/// Writes comma- or tab-separated UTF-8 text with LF line ends into a large buffer flushed to a stream. A cell is
/// quoted (inner quotes doubled, as in RFC 4180) only when it holds the separator, a quote, CR or LF.
/// </summary>
internal sealed class DelimitedWriter
{
    private const int BufferSize = 1 << 16;

    private readonly Stream _stream;
    private readonly byte _separator;
    private readonly SearchValues<byte> _needsQuotes;
    private byte[] _buffer = new byte[BufferSize];
    private int _used;
    private bool _rowStarted;

    /// <summary>Creates a writer over <paramref name="stream"/>, which it leaves open.</summary>
    public DelimitedWriter(Stream stream, byte separator)
    {
        _stream = stream;
        _separator = separator;
        _needsQuotes = SearchValues.Create([separator, (byte)'"', (byte)'\r', (byte)'\n']);
    }

    /// <summary>Writes a cell from UTF-8 text.</summary>
    public void Cell(ReadOnlySpan<byte> utf8)
    {
        var quote = utf8.IndexOfAny(_needsQuotes) >= 0;
        Reserve((quote ? utf8.Length * 2 : utf8.Length) + 3);
        if (_rowStarted)
        {
            _buffer[_used++] = _separator;
        }

        _rowStarted = true;
        if (!quote)
        {
            utf8.CopyTo(_buffer.AsSpan(_used));
            _used += utf8.Length;
            return;
        }

        _buffer[_used++] = (byte)'"';
        foreach (var b in utf8)
        {
            if (b == '"')
            {
                _buffer[_used++] = b;
            }

            _buffer[_used++] = b;
        }

        _buffer[_used++] = (byte)'"';
    }

    /// <summary>Writes a cell from text.</summary>
    public void Cell(string text)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (max <= 256)
        {
            Span<byte> bytes = stackalloc byte[max];
            Cell(bytes[..Encoding.UTF8.GetBytes(text, bytes)]);
            return;
        }

        Cell(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Ends the current row.</summary>
    public void EndRow()
    {
        Reserve(1);
        _buffer[_used++] = (byte)'\n';
        _rowStarted = false;
    }

    /// <summary>Writes what is buffered to the stream.</summary>
    public void Flush()
    {
        _stream.Write(_buffer, 0, _used);
        _used = 0;
    }

    private void Reserve(int bytes)
    {
        if (_used + bytes <= _buffer.Length)
        {
            return;
        }

        Flush();
        if (bytes > _buffer.Length)
        {
            _buffer = new byte[bytes];
        }
    }
}
