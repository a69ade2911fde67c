using System.Buffers.Text;

namespace CrowdFit.Simulation.Output;

/// <summary>
/// The UTF-8 text of ids <c>[prefix] 0..count-1 suffix</c>, formatted once into fixed slots of
/// <see cref="Slot"/> bytes, so that writing a row copies constant-size blocks instead of formatting numbers.
/// </summary>
/// <remarks>
/// Copying a whole slot and then advancing by the entry's length is cheaper than an exact copy of a few
/// bytes of varying length; the destination only needs <see cref="Slot"/> bytes of room per entry.
/// </remarks>
internal sealed class IdTable
{
    /// <summary>Bytes per entry: a prefix, ten digits and a suffix fit.</summary>
    public const int Slot = 16;

    private readonly byte[] _bytes;
    private readonly byte[] _length;

    public IdTable(byte? prefix, int count, byte suffix)
    {
        _bytes = new byte[count * Slot];
        _length = new byte[count];
        for (var i = 0; i < count; i++)
        {
            _length[i] = (byte)Format(prefix, i, suffix, _bytes.AsSpan(i * Slot, Slot));
        }
    }

    /// <summary>The slot of entry <paramref name="i"/>: its text, then padding up to <see cref="Slot"/> bytes.</summary>
    public ReadOnlySpan<byte> this[int i] => _bytes.AsSpan(i * Slot, Slot);

    /// <summary>Length in bytes of the text of entry <paramref name="i"/>.</summary>
    public int Length(int i) => _length[i];

    /// <summary>Writes <c>[prefix] value suffix</c> into <paramref name="slot"/> and returns its length.</summary>
    public static int Format(byte? prefix, int value, byte suffix, Span<byte> slot)
    {
        var n = 0;
        if (prefix is { } p)
        {
            slot[n++] = p;
        }

        Utf8Formatter.TryFormat(value, slot[n..], out var digits);
        n += digits;
        slot[n++] = suffix;
        return n;
    }
}
