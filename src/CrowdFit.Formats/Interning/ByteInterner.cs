using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace CrowdFit.Formats.Interning;

/// <summary>
/// Maps distinct UTF-8 byte strings to dense ids 0..Count-1 in order of first appearance, allocating a
/// <see cref="string"/> only for a new one.
/// </summary>
/// <remarks>
/// Open addressing with linear probing over a power-of-two bucket array kept at most half full. The bytes of
/// every id live in one arena so that a lookup compares spans without decoding. Callers pass valid UTF-8.
/// </remarks>
internal sealed class ByteInterner
{
    private int[] _buckets;
    private Entry[] _entries;
    private string[] _strings;
    private byte[] _bytes;
    private int _bytesUsed;

    /// <summary>Creates an empty interner sized for about <paramref name="capacity"/> ids.</summary>
    public ByteInterner(int capacity = 16)
    {
        capacity = Math.Max(capacity, 4);
        _buckets = new int[(int)BitOperations.RoundUpToPowerOf2((uint)capacity * 2)];
        _entries = new Entry[capacity];
        _strings = new string[capacity];
        _bytes = new byte[capacity * 8];
    }

    /// <summary>Number of distinct ids.</summary>
    public int Count { get; private set; }

    /// <summary>The id string of <paramref name="id"/>.</summary>
    public string this[int id] => _strings[id];

    /// <summary>The UTF-8 bytes of <paramref name="id"/>; valid until the next <see cref="Intern"/>.</summary>
    public ReadOnlySpan<byte> Bytes(int id) => _bytes.AsSpan(_entries[id].Offset, _entries[id].Length);

    /// <summary>The id of <paramref name="key"/>, or -1 when it was never interned.</summary>
    public int Find(ReadOnlySpan<byte> key)
    {
        var hash = Hash(key);
        var mask = _buckets.Length - 1;
        for (var b = hash & mask; ; b = (b + 1) & mask)
        {
            var id = _buckets[b] - 1;
            if (id < 0)
            {
                return -1;
            }

            ref readonly var entry = ref _entries[id];
            if (entry.Hash == hash && key.SequenceEqual(_bytes.AsSpan(entry.Offset, entry.Length)))
            {
                return id;
            }
        }
    }

    /// <summary>The id of <paramref name="key"/>, adding it when new.</summary>
    /// <param name="key">Valid UTF-8 bytes.</param>
    /// <param name="added">Whether the key was new.</param>
    public int Intern(ReadOnlySpan<byte> key, out bool added)
    {
        var hash = Hash(key);
        var mask = _buckets.Length - 1;
        for (var b = hash & mask; ; b = (b + 1) & mask)
        {
            var id = _buckets[b] - 1;
            if (id < 0)
            {
                added = true;
                return Add(key, hash, b);
            }

            ref readonly var entry = ref _entries[id];
            if (entry.Hash == hash && key.SequenceEqual(_bytes.AsSpan(entry.Offset, entry.Length)))
            {
                added = false;
                return id;
            }
        }
    }

    /// <summary>The id strings, exactly <see cref="Count"/> of them, followed by <paramref name="extra"/>.</summary>
    public string[] ToArray(params ReadOnlySpan<string> extra)
    {
        var result = new string[Count + extra.Length];
        _strings.AsSpan(0, Count).CopyTo(result);
        extra.CopyTo(result.AsSpan(Count));
        return result;
    }

    private int Add(ReadOnlySpan<byte> key, int hash, int bucket)
    {
        var id = Count;
        if (id == _entries.Length)
        {
            Array.Resize(ref _entries, id * 2);
            Array.Resize(ref _strings, id * 2);
        }

        if (_bytes.Length - _bytesUsed < key.Length)
        {
            var size = Math.Max((long)_bytes.Length * 2, (long)_bytesUsed + key.Length);
            if (size > Array.MaxLength)
            {
                throw new NotSupportedException($"The distinct ids take more than {Array.MaxLength} bytes.");
            }

            Array.Resize(ref _bytes, (int)size);
        }

        key.CopyTo(_bytes.AsSpan(_bytesUsed));
        _entries[id] = new Entry(hash, _bytesUsed, key.Length);
        _strings[id] = Encoding.UTF8.GetString(key);
        _bytesUsed += key.Length;
        _buckets[bucket] = id + 1;
        Count = id + 1;
        if (Count * 2 > _buckets.Length)
        {
            Rehash();
        }

        return id;
    }

    private void Rehash()
    {
        var buckets = new int[_buckets.Length * 2];
        var mask = buckets.Length - 1;
        for (var id = 0; id < Count; id++)
        {
            var b = _entries[id].Hash & mask;
            while (buckets[b] != 0)
            {
                b = (b + 1) & mask;
            }

            buckets[b] = id + 1;
        }

        _buckets = buckets;
    }

    /// <summary>A 32-bit hash of the bytes; the final mix spreads every input bit into the low bits used as the bucket.</summary>
    private static int Hash(ReadOnlySpan<byte> key)
    {
        const ulong Multiplier = 0x9E3779B97F4A7C15;
        var n = key.Length;
        var h = (ulong)n * Multiplier;
        if (n >= 8)
        {
            var i = 0;
            for (; i + 8 < n; i += 8)
            {
                h = BitOperations.RotateLeft((h ^ BinaryPrimitives.ReadUInt64LittleEndian(key[i..])) * Multiplier, 31);
            }

            h ^= BinaryPrimitives.ReadUInt64LittleEndian(key[(n - 8)..]);
        }
        else if (n >= 4)
        {
            h ^= BinaryPrimitives.ReadUInt32LittleEndian(key) | ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(key[(n - 4)..]) << 32);
        }
        else if (n > 0)
        {
            h ^= key[0] | ((ulong)key[n / 2] << 8) | ((ulong)key[n - 1] << 16);
        }

        h = (h ^ (h >> 33)) * 0xFF51AFD7ED558CCD;
        h = (h ^ (h >> 33)) * 0xC4CEB9FE1A85EC53;
        return (int)(h ^ (h >> 33)) & int.MaxValue;
    }

    private readonly record struct Entry(int Hash, int Offset, int Length);
}
