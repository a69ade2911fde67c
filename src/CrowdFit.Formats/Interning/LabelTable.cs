using System.Runtime.CompilerServices;

namespace CrowdFit.Formats.Interning;

/// <summary>
/// Interns labels. Logs have few labels and most are one byte long (<c>0</c>, <c>1</c>, <c>y</c>), so those
/// are looked up by their byte in a 256-entry table without hashing.
/// </summary>
internal sealed class LabelTable
{
    private readonly int[] _byByte = new int[256];
    private readonly ByteInterner _all = new(8);

    /// <summary>Creates an empty table.</summary>
    public LabelTable() => Array.Fill(_byByte, -1);

    /// <summary>Number of distinct labels.</summary>
    public int Count => _all.Count;

    /// <summary>The label string of <paramref name="id"/>.</summary>
    public string this[int id] => _all[id];

    /// <summary>The id of <paramref name="label"/>, adding it when new.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Intern(ReadOnlySpan<byte> label)
    {
        if (label.Length != 1)
        {
            return _all.Intern(label, out _);
        }

        ref var slot = ref _byByte[label[0]];
        if (slot < 0)
        {
            slot = _all.Intern(label, out _);
        }

        return slot;
    }

    /// <summary>The label strings by id.</summary>
    public string[] ToArray() => _all.ToArray(release: false);
}
