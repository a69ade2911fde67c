using CrowdFit.Answers;
using CrowdFit.Formats.Columns;
using CrowdFit.Formats.Interning;

namespace CrowdFit.Formats.Reading;

/// <summary>Collects one optional text column (IP, device, country ...) as interned codes.</summary>
internal sealed class CategoricalReader(int field, int capacity)
{
    private readonly ByteInterner _values = new(64);
    private readonly GrowableColumn<int> _codes = new(capacity);

    /// <summary>Index of the column in the record.</summary>
    public int Field { get; } = field;

    /// <summary>Appends the cell of the current row; an empty cell is missing.</summary>
    public void Add(ReadOnlySpan<byte> cell) =>
        _codes.Add(cell.IsEmpty ? CategoricalColumn.Missing : _values.Intern(cell, out _));

    /// <summary>Builds the column with <paramref name="rowCount"/> rows, missing past the rows read.</summary>
    public CategoricalColumn Build(int rowCount) =>
        new(_values.ToArray(release: true), _codes.ToArray(rowCount, CategoricalColumn.Missing));
}
