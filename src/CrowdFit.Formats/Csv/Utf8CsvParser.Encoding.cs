using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace CrowdFit.Formats.Csv;

/// <summary>Byte order marks and UTF-8 validation.</summary>
internal sealed partial class Utf8CsvParser
{
    private int _validated;
    private int _invalidAt = int.MaxValue;

    /// <summary>Reads the first block, skips a UTF-8 byte order mark and rejects the UTF-16 and UTF-32 ones.</summary>
    private void Start()
    {
        while (_end < 4 && !_eof)
        {
            var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            _end += read;
            _eof = read == 0;
        }

        var head = _buffer.AsSpan(0, _end);
        var other = head switch
        {
            [0xFF, 0xFE, 0, 0, ..] => "UTF-32 (little-endian)",
            [0, 0, 0xFE, 0xFF, ..] => "UTF-32 (big-endian)",
            [0xFF, 0xFE, ..] => "UTF-16 (little-endian)",
            [0xFE, 0xFF, ..] => "UTF-16 (big-endian)",
            _ => null,
        };
        if (other is not null)
        {
            throw new AnswerFormatException(Path, 1, null, $"expected UTF-8 text, found a {other} byte order mark; save the file as UTF-8");
        }

        if (head.StartsWith("\uFEFF"u8))
        {
            _pos = 3;
            _validated = 3;
        }

        Validate();
        FindNextQuote();
    }

    /// <summary>
    /// Checks the bytes read since the last call up to the last line end (the rest may end inside a character),
    /// or to the end of the file. The first invalid byte is remembered and reported when the record holding it
    /// is read, so the error can name its line and column.
    /// </summary>
    private void Validate()
    {
        var upTo = _end;
        if (!_eof)
        {
            var lastNewline = _buffer.AsSpan(_validated, _end - _validated).LastIndexOf((byte)'\n');
            if (lastNewline < 0)
            {
                return;
            }

            upTo = _validated + lastNewline + 1;
        }

        var span = _buffer.AsSpan(_validated, upTo - _validated);
        if (_invalidAt == int.MaxValue && !Utf8.IsValid(span))
        {
            _invalidAt = _validated + FirstInvalid(span);
        }

        _validated = upTo;
    }

    private static int FirstInvalid(ReadOnlySpan<byte> span)
    {
        var at = 0;
        while (Rune.DecodeFromUtf8(span[at..], out _, out var consumed) == OperationStatus.Done)
        {
            at += consumed;
        }

        return at;
    }

    /// <summary>Throws for the invalid byte inside the current record, which starts at <paramref name="recordStart"/>.</summary>
    private void ThrowInvalidUtf8(int recordStart)
    {
        var field = 0;
        while (field + 1 < FieldCount && _starts[field + 1] <= _invalidAt)
        {
            field++;
        }

        var line = RecordLine + _buffer.AsSpan(recordStart, _invalidAt - recordStart).Count((byte)'\n');
        throw new AnswerFormatException(
            Path,
            line,
            ColumnName(field),
            $"expected UTF-8 text, found the byte 0x{_buffer[_invalidAt]:X2} that is not valid UTF-8; save the file as UTF-8");
    }
}
