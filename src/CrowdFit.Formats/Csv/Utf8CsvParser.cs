using System.Buffers;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace CrowdFit.Formats.Csv;

/// <summary>
/// Reads the records of a UTF-8 CSV file (RFC 4180) block by block, exposing each field as a span of the
/// block: nothing is allocated per record.
/// </summary>
/// <remarks>
/// Records end at LF or CRLF; the last record may lack one. Blank lines are skipped. A field that starts with
/// a double quote runs to the matching closing quote, may hold commas and line breaks, and writes a quote as
/// two; a quote inside an unquoted field is an ordinary character. Records without quotes take a fast path
/// that only searches for the line end and the commas. The separator may be another byte, such as a tab for
/// tab-separated files; the quoting rules stay the same.
/// </remarks>
internal sealed partial class Utf8CsvParser : IDisposable
{
    private const int MaxBufferSize = 1 << 30;

    private readonly Stream _stream;
    private readonly byte _separator;
    private byte[] _buffer;
    private int _pos;
    private int _end;
    private bool _eof;
    private int _nextQuote = int.MaxValue;
    private int _line = 1;
    private int[] _starts = new int[16];
    private int[] _lengths = new int[16];
    private int[] _lines = new int[16];
    private bool _multiLine;
    private string[] _names = [];

    /// <summary>Opens a parser over <paramref name="stream"/>, which it disposes.</summary>
    /// <param name="stream">The bytes of the file.</param>
    /// <param name="path">The file name used in error messages.</param>
    /// <param name="blockSize">Bytes read at a time.</param>
    /// <param name="countLines">Whether to count the lines first (see <see cref="LineCount"/>).</param>
    /// <param name="separator">The field separator: a comma, or another byte such as a tab (not a quote or line end).</param>
    public Utf8CsvParser(Stream stream, string path, int blockSize, bool countLines = false, byte separator = (byte)',')
    {
        Debug.Assert(separator is not ((byte)'"' or (byte)'\n' or (byte)'\r'), "A quote or line end cannot separate fields.");
        _stream = stream;
        _separator = separator;
        _separatorOrNewline = separator == ',' ? s_commaOrNewline : SearchValues.Create([separator, (byte)'\n']);
        Path = path;
        _buffer = new byte[blockSize];
        LineCount = countLines ? CountLines() : -1;
        Start();
    }

    /// <summary>The file name used in error messages.</summary>
    public string Path { get; }

    /// <summary>Number of fields of the current record.</summary>
    public int FieldCount { get; private set; }

    /// <summary>Physical line on which the current record starts.</summary>
    public int RecordLine { get; private set; }

    /// <summary>
    /// Number of lines in the file (line ends, plus one for a last line without one), an upper bound of the
    /// number of records; -1 when not counted or the stream cannot seek.
    /// </summary>
    public long LineCount { get; }

    /// <summary>Physical line after the last record read.</summary>
    public int NextLine => _line;

    /// <summary>Column names used in error messages (set once the header is read).</summary>
    public IReadOnlyList<string> ColumnNames
    {
        get => _names;
        set => _names = [.. value];
    }

    /// <summary>Field <paramref name="index"/> of the current record, unquoted; valid until the next read.</summary>
    public ReadOnlySpan<byte> Field(int index) => new(_buffer, _starts[index], _lengths[index]);

    /// <summary>Physical line on which field <paramref name="index"/> of the current record starts.</summary>
    public int FieldLine(int index) => _multiLine ? _lines[index] : RecordLine;

    /// <summary>Header name of field <paramref name="index"/>, or <see langword="null"/> past the header.</summary>
    public string? ColumnName(int index) => index < _names.Length ? _names[index] : null;

    /// <summary>Moves to the next record; false at the end of the file.</summary>
    /// <exception cref="AnswerFormatException">The record is malformed or not UTF-8.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool ReadRecord()
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_pos, _end - _pos).IndexOf((byte)'\n');
            if (newline < 0 && !_eof)
            {
                Fill();
                continue;
            }

            if (newline < 0 && _pos == _end)
            {
                return false;
            }

            var stop = newline < 0 ? _end : _pos + newline;
            if (_nextQuote < stop)
            {
                ReadQuotedRecord();
                return true;
            }

            var lineEnd = stop > _pos && _buffer[stop - 1] == '\r' ? stop - 1 : stop;
            var next = newline < 0 ? _end : stop + 1;
            if (lineEnd == _pos)
            {
                _pos = next;
                _line++;
                continue;
            }

            SplitLine(_pos, lineEnd);
            RecordLine = _line++;
            if (_invalidAt < stop)
            {
                ThrowInvalidUtf8(_pos);
            }

            _pos = next;
            return true;
        }
    }

    /// <summary>Disposes the stream.</summary>
    public void Dispose() => _stream.Dispose();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SplitLine(int start, int end)
    {
        var count = 0;
        while (true)
        {
            if (count == _starts.Length)
            {
                GrowFields();
            }

            var comma = _buffer.AsSpan(start, end - start).IndexOf(_separator);
            _starts[count] = start;
            if (comma < 0)
            {
                _lengths[count++] = end - start;
                break;
            }

            _lengths[count++] = comma;
            start += comma + 1;
        }

        FieldCount = count;
        _multiLine = false;
    }

    private void GrowFields()
    {
        var size = _starts.Length * 2;
        Array.Resize(ref _starts, size);
        Array.Resize(ref _lengths, size);
        Array.Resize(ref _lines, size);
        Array.Resize(ref _escaped, size);
    }

    /// <summary>Moves the unread bytes to the front, grows the buffer when full, and reads more.</summary>
    private void Fill()
    {
        if (_pos > 0)
        {
            _buffer.AsSpan(_pos, _end - _pos).CopyTo(_buffer);
            _end -= _pos;
            _validated -= _pos;
            _invalidAt = _invalidAt == int.MaxValue ? int.MaxValue : _invalidAt - _pos;
            _pos = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxBufferSize)
            {
                throw new AnswerFormatException(Path, _line, null, $"expected a record of at most {MaxBufferSize >> 20} MiB, found a longer one (a quote that is never closed?)");
            }

            Array.Resize(ref _buffer, Math.Min(MaxBufferSize, _buffer.Length * 2));
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        _end += read;
        _eof = read == 0;
        Validate();
        FindNextQuote();
    }

    /// <summary>Counts the line ends of a seekable stream in a quick first pass, then goes back to the start.</summary>
    private long CountLines()
    {
        if (!_stream.CanSeek)
        {
            return -1;
        }

        var start = _stream.Position;
        long lines = 0;
        var last = (byte)'\n';
        int read;
        while ((read = _stream.Read(_buffer)) > 0)
        {
            lines += _buffer.AsSpan(0, read).Count((byte)'\n');
            last = _buffer[read - 1];
        }

        _stream.Position = start;
        return last == '\n' ? lines : lines + 1;
    }

    private void FindNextQuote()
    {
        var quote = _buffer.AsSpan(_pos, _end - _pos).IndexOf((byte)'"');
        _nextQuote = quote < 0 ? int.MaxValue : _pos + quote;
    }
}
