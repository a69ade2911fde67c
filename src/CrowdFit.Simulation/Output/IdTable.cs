using System.Buffers.Text;

namespace CrowdFit.Simulation.Output;

/// <summary>
/// The UTF-8 text of ids <c>[prefix] 0..count-1 suffix</c> formatted once and packed end to end, so that
/// writing a row copies bytes instead of formatting numbers.
/// </summary>
internal sealed class IdTable
{
    private readonly byte[] _bytes;
    private readonly int[] _start;

    public IdTable(byte? prefix, int count, byte suffix)
    {
        _start = new int[count + 1];
        var digits = 1;
        for (var v = count - 1; v >= 10; v /= 10)
        {
            digits++;
        }

        _bytes = new byte[count * (digits + 3)];
        var at = 0;
        Span<byte> number = stackalloc byte[11];
        for (var i = 0; i < count; i++)
        {
            _start[i] = at;
            if (prefix is { } p)
            {
                _bytes[at++] = p;
            }

            Utf8Formatter.TryFormat(i, number, out var written);
            number[..written].CopyTo(_bytes.AsSpan(at));
            at += written;
            _bytes[at++] = suffix;
        }

        _start[count] = at;
        MaxLength = count == 0 ? 0 : _start[count] - _start[count - 1];
    }

    /// <summary>Length in bytes of the longest entry (the last one).</summary>
    public int MaxLength { get; }

    /// <summary>The bytes of entry <paramref name="i"/>, prefix and suffix included.</summary>
    public ReadOnlySpan<byte> this[int i] => _bytes.AsSpan(_start[i], _start[i + 1] - _start[i]);
}
