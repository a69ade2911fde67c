namespace CrowdFit.Answers;

/// <summary>
/// A per-row text column (IP address, device, country, task type, project) stored as interned codes into a
/// table of distinct values.
/// </summary>
/// <remarks>
/// Codes index <see cref="Values"/>; <see cref="Missing"/> marks a row whose cell was empty. Values appear in
/// the order they were first seen in the source, so codes are stable for a given input.
/// </remarks>
public sealed class CategoricalColumn
{
    /// <summary>The code of a row without a value.</summary>
    public const int Missing = -1;

    private readonly string[] _values;
    private readonly int[] _codes;

    /// <summary>Creates a column, taking ownership of the arrays (they must not be changed afterwards).</summary>
    /// <param name="values">Distinct values; index = code.</param>
    /// <param name="codes">Code of each row, <see cref="Missing"/> or <c>0..values.Length-1</c>.</param>
    /// <exception cref="ArgumentException">A code is outside <c>-1..values.Length-1</c>.</exception>
    public CategoricalColumn(string[] values, int[] codes)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(codes);
        foreach (var code in codes)
        {
            if (code < Missing || code >= values.Length)
            {
                throw new ArgumentException($"A code {code} is outside {Missing}..{values.Length - 1}.", nameof(codes));
            }
        }

        _values = values;
        _codes = codes;
    }

    /// <summary>Number of rows.</summary>
    public int Count => _codes.Length;

    /// <summary>Distinct values by code.</summary>
    public IReadOnlyList<string> Values => _values;

    /// <summary>Code of each row (<see cref="Missing"/> where the cell was empty).</summary>
    public ReadOnlySpan<int> Codes => _codes;

    /// <summary>The value of row <paramref name="row"/>, or <see langword="null"/> when missing.</summary>
    /// <exception cref="IndexOutOfRangeException"><paramref name="row"/> is not below <see cref="Count"/>.</exception>
    public string? this[int row] => _codes[row] is var code and >= 0 ? _values[code] : null;

    /// <summary>The code of row <paramref name="row"/> (<see cref="Missing"/> when the cell was empty).</summary>
    /// <exception cref="IndexOutOfRangeException"><paramref name="row"/> is not below <see cref="Count"/>.</exception>
    public int Code(int row) => _codes[row];

    /// <summary>A column of the chosen rows, in the given order, sharing this column's values (codes stay the same).</summary>
    /// <param name="rows">Row indices, each below <see cref="Count"/>.</param>
    /// <exception cref="IndexOutOfRangeException">A row is not below <see cref="Count"/>.</exception>
    public CategoricalColumn Select(ReadOnlySpan<int> rows)
    {
        var codes = new int[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            codes[i] = _codes[rows[i]];
        }

        return new CategoricalColumn(_values, codes);
    }
}
