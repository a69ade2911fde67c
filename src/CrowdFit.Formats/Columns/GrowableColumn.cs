using System.Runtime.CompilerServices;

namespace CrowdFit.Formats.Columns;

/// <summary>
/// An append-only column in one array, allocated for the expected number of rows so that, when the estimate
/// is right, the final array is the same one and nothing is copied.
/// </summary>
/// <remarks>
/// The array is allocated uninitialized: memory the rows never reach is never touched. Fresh memory is
/// costly (a page fault per 4 KiB), so a column that is exactly the size of the data is worth the estimate.
/// </remarks>
internal sealed class GrowableColumn<T>
    where T : unmanaged
{
    private T[] _items;
    private int _count;

    /// <summary>Creates a column with room for <paramref name="capacity"/> values.</summary>
    public GrowableColumn(int capacity) => _items = GC.AllocateUninitializedArray<T>(Math.Max(capacity, 0));

    /// <summary>Number of values added.</summary>
    public int Count => _count;

    /// <summary>Appends <paramref name="value"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(T value)
    {
        var items = _items;
        var count = _count;
        if ((uint)count < (uint)items.Length)
        {
            items[count] = value;
            _count = count + 1;
            return;
        }

        AddWithResize(value);
    }

    /// <summary>
    /// The values in an array of exactly <paramref name="length"/> (at least <see cref="Count"/>) whose tail is
    /// <paramref name="fill"/>; the column must not be used afterwards.
    /// </summary>
    public T[] ToArray(int length, T fill)
    {
        var result = _items.Length == length ? _items : GC.AllocateUninitializedArray<T>(length);
        if (result != _items)
        {
            _items.AsSpan(0, _count).CopyTo(result);
        }

        result.AsSpan(_count).Fill(fill);
        _items = [];
        return result;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddWithResize(T value)
    {
        var size = (int)Math.Clamp((long)_items.Length * 2, 16, Array.MaxLength);
        var items = GC.AllocateUninitializedArray<T>(size);
        _items.AsSpan(0, _count).CopyTo(items);
        _items = items;
        _items[_count++] = value;
    }
}
