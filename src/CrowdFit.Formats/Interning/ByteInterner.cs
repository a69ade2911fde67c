using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

namespace CrowdFit.Formats.Interning;

/// <summary>
/// Maps distinct UTF-8 byte strings to dense ids 0..Count-1 in order of first appearance. No string is made
/// while interning: <see cref="ToArray"/> decodes them all at the end.
/// </summary>
/// <remarks>
/// Open addressing with linear probing over a power-of-two bucket array kept at most three quarters full;
/// each bucket holds the hash beside the id, so probes compare hashes within one or two cache lines and
/// only read the key bytes on a hash match. The table is that full because for logs with millions of tasks
/// its size is paid in page faults, which cost more than a few extra probes. The bytes of every id
/// live in one arena (id <c>i</c> spans <c>_offsets[i].._offsets[i+1]</c>), so a lookup compares spans
/// without decoding. Callers pass valid UTF-8.
/// </remarks>
internal sealed class ByteInterner
{
    private Bucket[] _buckets;
    private int[] _offsets;
    private byte[] _bytes;

    /// <summary>Creates an empty interner sized for about <paramref name="capacity"/> ids.</summary>
    public ByteInterner(int capacity = 16)
    {
        capacity = Math.Max(capacity, 4);
        _buckets = new Bucket[(int)BitOperations.RoundUpToPowerOf2((uint)capacity * 2)];
        _offsets = new int[capacity + 1];
        _bytes = new byte[capacity * 8];
    }

    /// <summary>Number of distinct ids.</summary>
    public int Count { get; private set; }

    /// <summary>The id string of <paramref name="id"/> (decoded on each call; meant for messages).</summary>
    public string this[int id] => Encoding.UTF8.GetString(Bytes(id));

    /// <summary>The UTF-8 bytes of <paramref name="id"/>; valid until the next <see cref="Intern"/>.</summary>
    public ReadOnlySpan<byte> Bytes(int id) => _bytes.AsSpan(_offsets[id], _offsets[id + 1] - _offsets[id]);

    /// <summary>The id of <paramref name="key"/>, or -1 when it was never interned.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Find(ReadOnlySpan<byte> key)
    {
        var hash = Hash(key);
        var mask = _buckets.Length - 1;
        for (var b = hash & mask; ; b = (b + 1) & mask)
        {
            var bucket = _buckets[b];
            if (bucket.Id == 0)
            {
                return -1;
            }

            if (bucket.Hash == hash && key.SequenceEqual(Bytes(bucket.Id - 1)))
            {
                return bucket.Id - 1;
            }
        }
    }

    /// <summary>The id of <paramref name="key"/>, adding it when new.</summary>
    /// <param name="key">Valid UTF-8 bytes.</param>
    /// <param name="added">Whether the key was new.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Intern(ReadOnlySpan<byte> key, out bool added)
    {
        var hash = Hash(key);
        var mask = _buckets.Length - 1;
        for (var b = hash & mask; ; b = (b + 1) & mask)
        {
            var bucket = _buckets[b];
            if (bucket.Id == 0)
            {
                added = true;
                return Add(key, hash, b);
            }

            if (bucket.Hash == hash && key.SequenceEqual(Bytes(bucket.Id - 1)))
            {
                added = false;
                return bucket.Id - 1;
            }
        }
    }

    /// <summary>
    /// The id strings, exactly <see cref="Count"/> of them, followed by <paramref name="extra"/>. With
    /// <paramref name="release"/> the interner gives up its tables first, so that their memory can serve the
    /// strings, and must not be used again.
    /// </summary>
    public string[] ToArray(bool release, params ReadOnlySpan<string> extra)
    {
        if (release)
        {
            _buckets = [];
        }

        var result = new string[Count + extra.Length];
        for (var id = 0; id < Count; id++)
        {
            result[id] = Encoding.UTF8.GetString(Bytes(id));
        }

        extra.CopyTo(result.AsSpan(Count));
        if (release)
        {
            (_offsets, _bytes, Count) = ([0], [], 0);
        }

        return result;
    }

    private int Add(ReadOnlySpan<byte> key, int hash, int bucket)
    {
        var id = Count;
        if (id + 1 == _offsets.Length)
        {
            Array.Resize(ref _offsets, _offsets.Length * 2);
        }

        var used = _offsets[id];
        if (_bytes.Length - used < key.Length)
        {
            var size = Math.Max((long)_bytes.Length * 2, (long)used + key.Length);
            if (size > Array.MaxLength)
            {
                throw new NotSupportedException($"The distinct ids take more than {Array.MaxLength} bytes.");
            }

            Array.Resize(ref _bytes, (int)size);
        }

        key.CopyTo(_bytes.AsSpan(used));
        _offsets[id + 1] = used + key.Length;
        _buckets[bucket] = new Bucket(hash, id + 1);
        Count = id + 1;
        if (Count > _buckets.Length - (_buckets.Length >> 2))
        {
            Rehash();
        }

        return id;
    }

    private void Rehash()
    {
        var buckets = new Bucket[_buckets.Length * 2];
        var mask = buckets.Length - 1;
        foreach (var bucket in _buckets)
        {
            if (bucket.Id != 0)
            {
                var b = bucket.Hash & mask;
                while (buckets[b].Id != 0)
                {
                    b = (b + 1) & mask;
                }

                buckets[b] = bucket;
            }
        }

        _buckets = buckets;
    }

    /// <summary>A 31-bit hash of the bytes; the final mix spreads every input bit into the low bits used as the bucket.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    private static int Hash(ReadOnlySpan<byte> key)
    {
        const ulong Multiplier = 0x9E3779B97F4A7C15;
        var n = key.Length;
        var h = (ulong)n * Multiplier;
        if (n >= 8)
        {
            for (var i = 0; i + 8 < n; i += 8)
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

    /// <summary>A slot of the table: the key's hash and its id plus one (0 = empty).</summary>
    private readonly record struct Bucket(int Hash, int Id);
}
