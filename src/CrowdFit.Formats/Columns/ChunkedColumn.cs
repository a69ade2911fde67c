using System.Runtime.CompilerServices;

namespace CrowdFit.Formats.Columns;

/// <summary>
/// An append-only column of values stored in chunks, so growing never copies more than one chunk and the
/// final exact-length array is the only other copy alive at the end.
/// </summary>
internal sealed class ChunkedColumn<T>
    where T : unmanaged
{
    private const int ChunkSize = 1 << 20;

    private readonly List<T[]> _full = [];
    private T[] _current = new T[1024];
    private int _used;

    /// <summary>Number of values added.</summary>
    public int Count => (_full.Count * ChunkSize) + _used;

    /// <summary>Appends <paramref name="value"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(T value)
    {
        if (_used == _current.Length)
        {
            Grow();
        }

        _current[_used++] = value;
    }

    /// <summary>
    /// Moves the values into an array of <paramref name="length"/> (at least <see cref="Count"/>) whose tail is
    /// filled with <paramref name="fill"/>, and empties the column.
    /// </summary>
    public T[] ToArray(int length, T fill)
    {
        var result = GC.AllocateUninitializedArray<T>(length);
        var at = 0;
        for (var i = 0; i < _full.Count; i++)
        {
            _full[i].CopyTo(result, at);
            at += ChunkSize;
            _full[i] = [];
        }

        _current.AsSpan(0, _used).CopyTo(result.AsSpan(at));
        result.AsSpan(at + _used).Fill(fill);
        _full.Clear();
        _current = [];
        _used = 0;
        return result;
    }

    private void Grow()
    {
        if (_current.Length < ChunkSize)
        {
            Array.Resize(ref _current, Math.Clamp(_current.Length * 4, 1024, ChunkSize));
            return;
        }

        _full.Add(_current);
        _current = new T[ChunkSize];
        _used = 0;
    }
}
