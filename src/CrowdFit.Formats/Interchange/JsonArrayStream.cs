using CrowdFit.Formats.Csv;

namespace CrowdFit.Formats.Interchange;

/// <summary>
/// Reads a file holding one JSON array of objects, one object at a time: each comes as the bytes from its start with
/// the line it starts on, so a huge array never needs a document of the whole file.
/// </summary>
/// <remarks>
/// Bytes are read block by block into a buffer that grows only when a single object is larger than it. The caller
/// parses each object from <see cref="Rest"/>; when the object does not end there, it calls <see cref="More"/> and
/// parses it again from its start. Lines are counted once over the bytes passed.
/// </remarks>
internal sealed class JsonArrayStream : IDisposable
{
    private const int MaxBufferSize = 1 << 30;

    private readonly Stream _stream;
    private readonly string _path;
    private byte[] _buffer;
    private int _pos;
    private int _end;
    private bool _eof;
    private bool _started;
    private bool _first = true;
    private int _counted;
    private int _countedLine = 1;

    /// <summary>Opens <paramref name="path"/>.</summary>
    /// <exception cref="AnswerFormatException">The file does not exist or cannot be opened.</exception>
    public JsonArrayStream(string path, int blockSize = 1 << 20)
    {
        _path = path;
        _buffer = new byte[blockSize];
        try
        {
            _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
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

    /// <summary>The bytes from the start of the current object to the end of those read so far; valid until the next call.</summary>
    public ReadOnlySpan<byte> Rest => _buffer.AsSpan(_pos, _end - _pos);

    /// <summary>Whether <see cref="Rest"/> runs to the end of the file.</summary>
    public bool IsFinal => _eof;

    /// <summary>The 1-based line on which the current object starts.</summary>
    public int CurrentLine { get; private set; }

    /// <summary>Moves to the start of the next object of the array; false after the last.</summary>
    /// <exception cref="AnswerFormatException">The file is not a JSON array of objects, or is cut short.</exception>
    public bool Next()
    {
        if (!_started)
        {
            Start();
        }

        if (SkipBlanks() is not { } next)
        {
            throw Error(LineAt(_pos), "expected ']' closing the array of tasks, found the end of the file");
        }

        if (next == ']')
        {
            return false;
        }

        if (!_first)
        {
            if (next != ',')
            {
                throw Error(LineAt(_pos), $"expected ',' or ']' after a task, found {ValueText.Quote(_buffer.AsSpan(_pos, 1))}");
            }

            _pos++;
            next = SkipBlanks() ?? throw Error(LineAt(_pos), "expected a task object after ',', found the end of the file");
        }

        if (next != '{')
        {
            throw Error(LineAt(_pos), $"expected a task object '{{', found {ValueText.Quote(_buffer.AsSpan(_pos, 1))}");
        }

        _first = false;
        CurrentLine = LineAt(_pos);
        return true;
    }

    /// <summary>Reads more of the file when the current object does not end within <see cref="Rest"/>.</summary>
    /// <exception cref="AnswerFormatException">The file ends inside the object, or the object is larger than 1 GiB.</exception>
    public void More()
    {
        if (_eof)
        {
            throw Error(CurrentLine, "expected the task object to end, found the end of the file");
        }

        Fill();
    }

    /// <summary>Marks the first <paramref name="length"/> bytes of <see cref="Rest"/>, the current object, as read.</summary>
    public void Consume(int length) => _pos += length;

    /// <summary>Closes the file.</summary>
    public void Dispose() => _stream.Dispose();

    private void Start()
    {
        _started = true;
        Fill();
        if (_buffer.AsSpan(0, _end).StartsWith("\uFEFF"u8))
        {
            _pos = _counted = 3;
        }

        if (SkipBlanks() != '[')
        {
            throw Error(LineAt(_pos), "expected a Label Studio JSON export: an array '[' of tasks");
        }

        _pos++;
    }

    /// <summary>Skips white space, reading more as needed; the byte after it, or null at the end of the file.</summary>
    private byte? SkipBlanks()
    {
        while (true)
        {
            var rest = _buffer.AsSpan(_pos, _end - _pos);
            var at = rest.IndexOfAnyExcept(" \t\r\n"u8);
            if (at >= 0)
            {
                _pos += at;
                return _buffer[_pos];
            }

            _pos = _end;
            if (_eof)
            {
                return null;
            }

            Fill();
        }
    }

    /// <summary>Moves the unread bytes to the front, grows the buffer when it is full, and reads more.</summary>
    private void Fill()
    {
        LineAt(_pos);
        if (_pos > 0)
        {
            _buffer.AsSpan(_pos, _end - _pos).CopyTo(_buffer);
            _end -= _pos;
            _counted -= _pos;
            _pos = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxBufferSize)
            {
                throw Error(CurrentLine, $"expected a task of at most {MaxBufferSize >> 20} MiB, found a longer one");
            }

            Array.Resize(ref _buffer, Math.Min(MaxBufferSize, _buffer.Length * 2));
        }

        while (_end < _buffer.Length && !_eof)
        {
            var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            _end += read;
            _eof = read == 0;
        }
    }

    /// <summary>The line of the byte at <paramref name="position"/>, at or after the last position asked about.</summary>
    private int LineAt(int position)
    {
        _countedLine += _buffer.AsSpan(_counted, position - _counted).Count((byte)'\n');
        _counted = position;
        return _countedLine;
    }

    private AnswerFormatException Error(int line, string detail) => new(_path, line, null, detail);
}
