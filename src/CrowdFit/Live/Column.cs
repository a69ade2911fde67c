namespace CrowdFit.Live;

/// <summary>A growable array that hands out references to its items; the live engine's storage.</summary>
/// <typeparam name="T">Item type.</typeparam>
internal sealed class Column<T>
{
    private T[] _items;

    public Column(int capacity = 16) => _items = new T[Math.Max(4, capacity)];

    public int Count { get; private set; }

    public ref T this[int index] => ref _items[index];

    public Span<T> AsSpan() => _items.AsSpan(0, Count);

    public Span<T> Slice(int start, int length) => _items.AsSpan(start, length);

    public void Add(T item)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[Count++] = item;
    }

    /// <summary>Adds <paramref name="count"/> copies of <paramref name="item"/>.</summary>
    public void Add(T item, int count)
    {
        for (var i = 0; i < count; i++)
        {
            Add(item);
        }
    }

    public T[] ToArray() => _items.AsSpan(0, Count).ToArray();
}
