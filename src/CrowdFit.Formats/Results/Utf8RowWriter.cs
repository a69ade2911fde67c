using System.Buffers.Text;
using System.Text;

namespace CrowdFit.Formats.Results;

/// <summary>Writes CSV rows as UTF-8 into a large buffer that is flushed to a stream when nearly full.</summary>
internal sealed class Utf8RowWriter(Stream stream) : IDisposable
{
    private const int Capacity = 1 << 20;
    private const int Headroom = 4096;
    private readonly byte[] _buffer = new byte[Capacity];
    private int _length;
    private bool _fieldWritten;

    /// <summary>Writes a text field, quoting it only when it holds a comma, a quote, CR or LF.</summary>
    public void Text(string value)
    {
        Separator();
        var needsQuotes = value.AsSpan().IndexOfAny(",\"\r\n") >= 0;
        if (!needsQuotes)
        {
            Raw(value);
            return;
        }

        Raw("\"");
        Raw(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        Raw("\"");
    }

    /// <summary>Writes an integer field.</summary>
    public void Integer(long value)
    {
        Separator();
        Ensure(24);
        Utf8Formatter.TryFormat(value, _buffer.AsSpan(_length), out var written);
        _length += written;
    }

    /// <summary>Writes a probability-like number with six decimals at most and no trailing zeros; NaN as an empty field.</summary>
    public void Number(double value)
    {
        Separator();
        if (double.IsNaN(value))
        {
            return;
        }

        Ensure(32);
        var rounded = Math.Round(value, 6);
        rounded = rounded == 0 ? 0 : rounded;
        rounded.TryFormat(_buffer.AsSpan(_length), out var written, "0.######", System.Globalization.CultureInfo.InvariantCulture);
        _length += written;
    }

    /// <summary>Ends the current row.</summary>
    public void EndRow()
    {
        Ensure(1);
        _buffer[_length++] = (byte)'\n';
        _fieldWritten = false;
        if (_length > Capacity - Headroom)
        {
            Flush();
        }
    }

    /// <summary>Writes what is buffered to the stream.</summary>
    public void Flush()
    {
        stream.Write(_buffer, 0, _length);
        _length = 0;
    }

    public void Dispose() => Flush();

    private void Separator()
    {
        if (_fieldWritten)
        {
            Ensure(1);
            _buffer[_length++] = (byte)',';
        }

        _fieldWritten = true;
    }

    private void Raw(string text)
    {
        var bytes = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (bytes > Capacity - _length)
        {
            Flush();
            if (bytes > Capacity)
            {
                stream.Write(Encoding.UTF8.GetBytes(text));
                return;
            }
        }

        _length += Encoding.UTF8.GetBytes(text, _buffer.AsSpan(_length));
    }

    private void Ensure(int bytes)
    {
        if (_length + bytes > Capacity)
        {
            Flush();
        }
    }
}
