using System.Buffers;

namespace CrowdFit.Formats.Csv;

/// <summary>The slow path: records with quoted fields, which may span lines.</summary>
internal sealed partial class Utf8CsvParser
{
    private static readonly SearchValues<byte> s_commaOrNewline = SearchValues.Create(",\n"u8);
    private static readonly SearchValues<byte> s_quoteOrNewline = SearchValues.Create("\"\n"u8);

    private readonly SearchValues<byte> _separatorOrNewline;
    private bool[] _escaped = new bool[16];

    private void ReadQuotedRecord()
    {
        // A record cut by the end of the block is parsed again from its start once more bytes are in;
        // the bytes are only rewritten (doubled quotes removed) after the whole record was seen.
        while (!TryParseQuotedRecord())
        {
            Fill();
        }
    }

    /// <summary>Parses the record at <c>_pos</c>; false when the block ends before the record does.</summary>
    private bool TryParseQuotedRecord()
    {
        var i = _pos;
        var line = _line;
        var count = 0;
        while (true)
        {
            if (count == _starts.Length)
            {
                GrowFields();
            }

            _lines[count] = line;
            _escaped[count] = false;
            int after;
            if (i < _end && _buffer[i] == '"')
            {
                after = ScanQuoted(i, count, ref line);
                if (after < 0)
                {
                    return false;
                }
            }
            else
            {
                var stop = _buffer.AsSpan(i, _end - i).IndexOfAny(_separatorOrNewline);
                if (stop < 0 && !_eof)
                {
                    return false;
                }

                after = stop < 0 ? _end : i + stop;
                _starts[count] = i;
                _lengths[count] = after > i && _buffer[after - 1] == '\r' && (after == _end || _buffer[after] == '\n') ? after - i - 1 : after - i;
            }

            count++;
            if (after < _end && _buffer[after] == _separator)
            {
                i = after + 1;
                continue;
            }

            FinishQuotedRecord(count, line, after);
            return true;
        }
    }

    /// <summary>
    /// Scans the quoted field opening at <paramref name="open"/> and returns the index of the separator or
    /// line end after it (the end of the data at the end of the file), or -1 when more bytes are needed.
    /// </summary>
    private int ScanQuoted(int open, int field, ref int line)
    {
        var j = open + 1;
        while (true)
        {
            var hit = _buffer.AsSpan(j, _end - j).IndexOfAny(s_quoteOrNewline);
            if (hit < 0)
            {
                return _eof ? ThrowUnterminated(field) : -1;
            }

            j += hit;
            if (_buffer[j] == '\n')
            {
                line++;
                j++;
                continue;
            }

            if (j + 1 == _end && !_eof)
            {
                return -1;
            }

            if (j + 1 < _end && _buffer[j + 1] == '"')
            {
                _escaped[field] = true;
                j += 2;
                continue;
            }

            _starts[field] = open + 1;
            _lengths[field] = j - open - 1;
            return AfterClosingQuote(j + 1, field, line);
        }
    }

    private int AfterClosingQuote(int at, int field, int line)
    {
        if (at == _end)
        {
            return _eof ? at : -1;
        }

        if (_buffer[at] == _separator || _buffer[at] == '\n')
        {
            return at;
        }

        if (_buffer[at] == '\r')
        {
            if (at + 1 == _end)
            {
                return _eof ? at + 1 : -1;
            }

            if (_buffer[at + 1] == '\n')
            {
                return at + 1;
            }
        }

        throw new AnswerFormatException(
            Path,
            line,
            ColumnName(field),
            $"expected {ValueText.Quote([_separator])} or a line end after the closing quote, found {ValueText.Quote(_buffer.AsSpan(at, 1))}");
    }

    private void FinishQuotedRecord(int count, int lastLine, int after)
    {
        FieldCount = count;
        RecordLine = _line;
        _multiLine = true;
        if (_invalidAt < after)
        {
            ThrowInvalidUtf8(_pos);
        }

        for (var f = 0; f < count; f++)
        {
            if (_escaped[f])
            {
                _lengths[f] = Unescape(_buffer.AsSpan(_starts[f], _lengths[f]));
            }
        }

        _line = lastLine + 1;
        _pos = after < _end ? after + 1 : _end;
        FindNextQuote();
    }

    /// <summary>Turns each doubled quote into one, in place; returns the new length.</summary>
    private static int Unescape(Span<byte> field)
    {
        var write = 0;
        for (var read = 0; read < field.Length; read++)
        {
            field[write++] = field[read];
            if (field[read] == '"')
            {
                read++;
            }
        }

        return write;
    }

    private int ThrowUnterminated(int field) =>
        throw new AnswerFormatException(
            Path,
            _lines[field],
            ColumnName(field),
            "expected a closing quote, found the end of the file: the quoted field that starts on this line is never closed");
}
